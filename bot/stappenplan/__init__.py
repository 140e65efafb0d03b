"""Personal step plan: where a family stands on the escalation ladder, the one next step, and the
deadlines with real dates. Plain Python; Rasa actions are thin adapters over this API:

    situation = extract_situation(text, today, previous)        # Situation.to_dict() for a slot
    question = missing_question(situation, audience, today)     # None when nothing important is missing
    plan = build_plan(situation, today, gemeente_code)
    text = render_plan(plan, "ouder" | "jongere" | "spraak")
    bubbles = render_plan_parts(plan, variant)                   # [situation + next step, the rest]
    summary = plan_summary_for_request(plan)
"""
from bot.stappenplan.extract import extract_situation
from bot.stappenplan.plan import Plan, build_plan
from bot.stappenplan.questions import Question, missing_question
from bot.stappenplan.render import plan_summary_for_request, render_plan, render_plan_parts
from bot.stappenplan.situation import DateFact, Situation

__all__ = ["DateFact", "Plan", "Question", "Situation", "build_plan", "extract_situation", "missing_question",
           "plan_summary_for_request", "render_plan", "render_plan_parts"]
