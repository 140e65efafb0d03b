"""Schools in a list:

- the items of a list next to a school found by any rule: "de Bolderik, de Horizonschool en Het Kristal";
- the members of a list after "scholen ...:": "op 3 scholen gezeten: de Ooievaar, de Twaalf Ambachten en de
  Houtduif" (not places).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from bot.privacy import lexicon
from bot.privacy.schools.after_preposition import _NAME, _ok_name
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_LIST_AFTER = re.compile(r"(?:,[ ]|[ ]en[ ]|[ ]of[ ]|,[ ]en[ ])(?P<art>de|het|'t|t|De|Het)[ ](?P<name>" + _NAME + r")(?![\w'’\-])")

_LIST_BEFORE = re.compile(r"(?<![\w'’])(?P<art>de|het|'t|t|De|Het)[ ](?P<name>" + _NAME + r")(?:,[ ]|[ ]en[ ]|[ ]of[ ])$")


def find_list_neighbours(text: str, spans: Iterable[Span]) -> Iterator[Span]:
    """Items of a list that holds a school: "de Bolderik, de Horizonschool en Het Kristal"."""
    schools = [s for s in spans if s.kind == "school"]
    seen = set()
    todo = list(schools)
    while todo:
        s = todo.pop()
        m = _LIST_AFTER.match(text, s.end)
        if m and _ok_name(m.group("name")) and (m.start("name"), m.end("name")) not in seen:
            seen.add((m.start("name"), m.end("name")))
            new = Span("school", m.start("art"), m.end("name"), text[m.start("art"):m.end("name")])
            todo.append(new)
            yield new
        start = s.start
        b = _LIST_BEFORE.search(text, max(0, start - 60), start)
        if b is None:
            a2 = re.search(r"(?:de|het|'t|t|De|Het)[ ]$", text[max(0, start - 5):start])
            if a2:
                b = _LIST_BEFORE.search(text, max(0, start - 65), start - len(a2.group(0)))
        if b and _ok_name(b.group("name")) and (b.start("name"), b.end("name")) not in seen:
            seen.add((b.start("name"), b.end("name")))
            new = Span("school", b.start("art"), b.end("name"), text[b.start("art"):b.end("name")])
            todo.append(new)
            yield new


# the members of a list after "scholen ...:": "op 3 scholen gezeten: de Ooievaar, de Twaalf Ambachten en de Houtduif"
_LIST_HEAD = re.compile(r"(?<![\w'’])scholen(?:[ ](?:gezeten|gehad|geprobeerd|bezocht|gebeld|gevraagd|aangeschreven))?"
                        r"[ ]?:[ ]{0,2}")

_LIST_ITEM = re.compile(r"(?:(?P<art>de|het|'t|De|Het)[ ])?(?P<name>[A-ZÀ-Þ][\w'’\-]{1,25}(?:[ ](?:(?:van|de|der|ter)[ ])?"
                        r"[A-ZÀ-Þ][\w'’\-]{1,25}){0,2})(?P<sep>,[ ]{1,2}|[ ](?:en|of)[ ]|(?=[.;!?)]|$))")


def find_list_members(text: str) -> Iterator[Span]:
    lists = wordlists()
    for head in _LIST_HEAD.finditer(text):
        pos, n = head.end(), 0
        while n < 6:
            m = _LIST_ITEM.match(text, pos)
            if not m:
                break
            name = m.group("name")
            if not (name.lower() in lists.geen_naam or lexicon.is_place(name)):
                yield Span("school", m.start(), m.end("name"), text[m.start():m.end("name")])
            if not m.group("sep"):
                break   # the list ends at a full stop, bracket or the end of the text
            pos, n = m.end(), n + 1
