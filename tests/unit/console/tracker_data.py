"""Fills a real Rasa SQL tracker store (rasa's own SQLTrackerStore) with conversations for console tests."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class Turn:
    user: str
    intent: str
    bot: str
    confidence: float = 0.95
    buttons: list = field(default_factory=list)   # [(title, payload)] offered with the bot reply
    gemeente: str | None = None                    # a gemeente slot set after this user message
    form: tuple | None = None                      # (form, slot): the form asks for this slot before the message
    form_ends: bool = False                        # the form ends after the bot's reply


def _events(gemeente: str | None, turns: list[Turn], start: float) -> list:
    t = start
    out = [ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t),
           ActionExecuted("action_listen", timestamp=t)]
    for turn in turns:
        t += 10
        if turn.form:
            out += [ActiveLoop(turn.form[0], timestamp=t - 1), SlotSet("requested_slot", turn.form[1], timestamp=t - 1)]
        out.append(UserUttered(turn.user, intent={"name": turn.intent, "confidence": turn.confidence},
                               parse_data={"intent": {"name": turn.intent, "confidence": turn.confidence},
                                           "entities": [], "text": turn.user}, timestamp=t))
        if gemeente and len(out) == 4:
            out.append(SlotSet("gemeente", gemeente, timestamp=t))
        if turn.gemeente:
            out.append(SlotSet("gemeente", turn.gemeente, timestamp=t))
        t += 1
        out.append(ActionExecuted("action_antwoord", timestamp=t))
        out.append(BotUttered(turn.bot, data={"buttons": [{"title": a, "payload": b} for a, b in turn.buttons]},
                              timestamp=t))
        if turn.form_ends:
            out += [ActiveLoop(None, timestamp=t), SlotSet("requested_slot", None, timestamp=t)]
        out.append(ActionExecuted("action_listen", timestamp=t))
    return out


async def _save(db_path: str, conversations: dict) -> None:
    store = SQLTrackerStore(dialect="sqlite", db=db_path)
    for sender_id, (gemeente, turns, start) in conversations.items():
        tracker = DialogueStateTracker(sender_id, slots=[])
        for event in _events(gemeente, turns, start):
            tracker.update(event)
        await store.save(tracker)
    store.engine.dispose()


def fill(db_path: str, conversations: dict) -> None:
    """conversations: sender_id → (gemeente code or None, [Turn], start epoch seconds)."""
    asyncio.run(_save(db_path, conversations))


def standard_set(now: float) -> dict:
    """Zaanstad (GM0479, JZ09), Groningen (GM0014) and one without a region."""
    day = 86400
    return {
        "zaan-1": ("GM0479", [
            Turn("Mijn zoon zit thuis, bel me op 06-12345678", "thuiszitten", "Dat is zwaar. Wat wilt u weten?",
                 buttons=[("Een mens spreken", "/mens_spreken")]),
            Turn("/mens_spreken", "mens_spreken", "Ik zoek een contactpunt voor u."),
        ], now - 2 * day),
        "zaan-2": ("GM0479", [
            Turn("blablabla qwerty", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2),
            Turn(XSS, "leerplicht", "Over de leerplicht: ...", confidence=0.4),
        ], now - 1 * day),
        "gron-1": ("GM0014", [
            Turn("Mail me op ouder@example.nl over school", "thuiszitten", "Ik help u graag."),
        ], now - 3 * day),
        "anoniem-1": (None, [
            Turn("hoi", "begroeting", "Hallo! Ik ben Wegwijzer, een computerprogramma."),
        ], now - 4 * day),
    }
