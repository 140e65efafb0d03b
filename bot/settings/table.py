"""docs/settings.md, generated from the registry: ``python -m bot.settings.table`` writes it,
``python -m bot.settings.table --check`` exits 1 when the committed file differs (a test runs the same)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings.registry import PROCESSES, SETTINGS
from bot.settings.setting import REPO, Setting

TARGET = REPO / "docs" / "settings.md"

HEAD = """# Settings (environment variables)

Generated from `bot/settings/registry.py` by `python -m bot.settings.table`; do not edit by hand (a test
compares this file with the registry). Every `WEGWIJZER_*` variable the code, the scripts or the docs name is
declared there once.

**One behaviour for a bad value.** A value the table does not allow (a word where a number belongs, a port of
0, a secret that is too short, `misschien` for an on/off switch) stops the process at start with a message
that names the variable and what is allowed; it is never silently replaced by the default. Unset or empty
means the default. On/off switches take `1`, `true`, `ja`, `yes`, `on` or `0`, `false`, `nee`, `no`, `off`.
An unknown `WEGWIJZER_*` name (a typo?) is logged as a warning at start.

Read by: {processes}.
"""

OTHERS = """
## Other variables

Variables that other projects define are not in the registry; their names and meaning are theirs. The code
sets or passes on: `TWILIO_AUTH_TOKEN` (phone channel; required in production, `docs/spraak.md`),
`PROMETHEUS_MULTIPROC_DIR` (metrics folder of every process, set by scripts/start and the supervisor),
`SANIC_*` (Rasa's and the action server's web server limits, from `WEGWIJZER_LIMIT_*`), `TF_CPP_MIN_LOG_LEVEL`,
`TF_INTRA_OP_PARALLELISM_THREADS`, `TF_INTER_OP_PARALLELISM_THREADS`, `RASA_TELEMETRY_ENABLED` and `LOG_LEVEL`
(the action server's log level, rasa-sdk's name).
"""


def allowed(setting: Setting) -> str:
    """What the variable accepts, short and in English."""
    kind = setting.kind
    if kind in ("int", "float"):
        low = "" if setting.minimum is None else _num(setting.minimum)
        high = "" if setting.maximum is None else _num(setting.maximum)
        if low and high:
            return f"{kind} {low}..{high}"
        if low:
            return f"{kind} >= {low}"
        return f"{kind} <= {high}" if high else kind
    if kind == "choice":
        return "one of " + ", ".join(setting.choices)
    if kind == "secret":
        return f"secret, >= {setting.min_chars} chars" if setting.min_chars else "secret"
    if kind == "str" and setting.pattern:
        return f"text `{setting.pattern}`"
    if kind == "date":
        return "date YYYY-MM-DD"
    if kind == "list":
        return "comma-separated list"
    return {"str": "text", "bool": "on/off"}.get(kind, kind)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    processes = "; ".join(f"`{name}` {what}" for name, what in PROCESSES.items())
    lines = [HEAD.format(processes=processes), "| variable | allowed | default | read by | meaning |",
             "|---|---|---|---|---|"]
    for s in sorted(SETTINGS, key=lambda s: s.name):
        name = f"{s.name}<NAME>" if s.family else s.name
        default = "(secret)" if s.kind == "secret" and s.default else s.shown_default()
        lines.append(f"| `{name}` | {_cell(allowed(s))} | {_cell(default)} | {', '.join(s.processes)} | "
                     f"{_cell(s.description)} |")
    return "\n".join(lines) + "\n" + OTHERS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.settings.table", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed table differs")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        if not same:
            print(f"{args.out} is out of date: run python -m bot.settings.table", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}: {len(SETTINGS)} settings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
