"""Which municipality (GMxxxx) belongs to which youth region (JZxx), from content/regio/gemeenten.json."""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from bot.regio.directory import CONTENT_DIR

log = logging.getLogger(__name__)
ALLE = "ALLE"
CODE = re.compile(r"^(GM\d{4}|JZ\d{2})$")


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[dict, dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.error("gemeenten niet gelezen uit %s: %s", path, exc)
        return {}, {}
    jeugdregio, namen = {}, {}
    for code, g in (data.get("gemeenten") or {}).items():
        namen[code] = g.get("naam", code)
        jz = (g.get("jeugdregio") or {})
        if jz.get("code"):
            jeugdregio[code] = jz["code"]
            namen.setdefault(jz["code"], f"jeugdregio {jz.get('naam', jz['code'])}")
    return jeugdregio, namen


def _tables() -> tuple[dict, dict]:
    return _load(str(Path(CONTENT_DIR) / "gemeenten.json"))


def jeugdregio_of(gemeente_code: str) -> str | None:
    return _tables()[0].get(gemeente_code or "")


def gemeenten_in(code: str) -> set[str]:
    """The municipality codes a region code stands for (a GM code itself, or all GM codes of a JZ code)."""
    if code.startswith("GM"):
        return {code}
    return {gm for gm, jz in _tables()[0].items() if jz == code}


def name_of(code: str) -> str:
    if code == ALLE:
        return "alle regio's"
    return _tables()[1].get(code, code)


def request_gemeente(row) -> str:
    """The municipality of a help request by name: from the region data, else the name stored with it."""
    code = (row.get("gemeente_code") or "") if hasattr(row, "get") else ""
    naam = name_of(code) if code else ""
    if not naam or naam == code:
        naam = (row.get("gemeente_naam") or code) if hasattr(row, "get") else code
    return naam or "onbekend"


def gemeente_code(value: str) -> str | None:
    """A municipality code from its code (GM0344) or its name (Utrecht, any case); None when unknown."""
    text = " ".join((value or "").split())
    if CODE.match(text.upper()) and text.upper().startswith("GM"):
        return text.upper() if text.upper() in _tables()[1] else None
    wanted = text.casefold()
    for code, naam in _tables()[1].items():
        if code.startswith("GM") and naam.casefold() == wanted:
            return code
    return None


def region_code(value: str) -> str | None:
    """A GM or JZ code from its code or its name ("Zaanstad", "jeugdregio Zaanstreek-Waterland" or just
    "Zaanstreek-Waterland"); a municipality wins over a youth region of the same name. None when unknown."""
    text = " ".join((value or "").split())
    if CODE.match(text.upper()):
        return text.upper() if text.upper() in _tables()[1] or not _tables()[1] else None
    found = gemeente_code(text)
    if found:
        return found
    wanted = text.casefold()
    for code, naam in _tables()[1].items():
        if code.startswith("JZ") and wanted in (naam.casefold(), naam.casefold().removeprefix("jeugdregio ")):
            return code
    return None


def region_choices() -> list[tuple[str, str]]:
    """(code, name) of every municipality and youth region, by name: the choices of a region filter."""
    return sorted(_tables()[1].items(), key=lambda kv: kv[1].casefold())


def _code_ok(part: str) -> bool:
    return part == ALLE or bool(CODE.match(part) and (part in _tables()[1] or not _tables()[1]))


def parse_codes(raw: str) -> tuple[frozenset[str], list[str]]:
    """'Zaanstad, jeugdregio Groningen, GM0479 JZ09, ALLE' → ({'GM0479', 'JZ..', 'JZ09', 'ALLE'}, []): regions
    by name or code, separated by commas (codes also by spaces); second the parts that are not known."""
    good, bad = set(), []
    parts = [" ".join(p.split()) for p in re.split(r"[,;\n]+", raw or "")]
    parts = [p for p in parts if p]
    i = 0
    while i < len(parts):
        part = parts[i]
        if part.casefold() in ("alle", "alle regio's"):
            good.add(ALLE)
            i += 1
            continue
        # a name may hold a comma ("Nuenen, Gerwen en Nederwetten"): try it joined with what follows
        found = next(((n, code) for n in (1, 2, 3) if i + n <= len(parts)
                      for code in [region_code(", ".join(parts[i:i + n]))] if code), None)
        if found:
            good.add(found[1])
            i += found[0]
            continue
        words = part.upper().split()
        if words and all(_code_ok(w) for w in words):
            good.update(words)
        else:
            bad.append(part[:40])
        i += 1
    return frozenset(good), bad
