"""Opening hours for live chat (bot.regio.opening_hours) and their place in the region overrides."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import yaml

from bot.regio.opening_hours import is_open, parse
from bot.regio.directory import RegionDirectory
from bot.regio.override_schema import validate_override

WEEK = {"openingstijden": {"ma": "09:00-17:00", "di": "09:00-12:30, 13:30-17:00", "za": "10.00-12.00"}}


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_open_in_dutch_local_time_winter_and_summer():
    # Monday 7 December 2026 is winter time (UTC+1): 08:30 UTC is 09:30 in Amsterdam.
    assert is_open(WEEK, utc(2026, 12, 7, 8, 30))
    assert not is_open(WEEK, utc(2026, 12, 7, 7, 59))        # 08:59 local
    assert not is_open(WEEK, utc(2026, 12, 7, 16, 0))        # 17:00 local: closed (end excluded)
    # Monday 6 July 2026 is summer time (UTC+2): 07:30 UTC is 09:30 local.
    assert is_open(WEEK, utc(2026, 7, 6, 7, 30))
    assert not is_open(WEEK, utc(2026, 7, 6, 15, 30))        # 17:30 local


def test_lunch_break_weekend_and_unlisted_days():
    assert not is_open(WEEK, utc(2026, 12, 8, 12, 0))        # Tuesday 13:00 local: lunch
    assert is_open(WEEK, utc(2026, 12, 8, 13, 0))            # Tuesday 14:00 local
    assert is_open(WEEK, utc(2026, 12, 12, 10, 0))           # Saturday 11:00 local
    assert not is_open(WEEK, utc(2026, 12, 13, 10, 0))       # Sunday: not listed, closed
    assert not is_open(WEEK, utc(2026, 12, 9, 10, 0))        # Wednesday: not listed


def test_invalid_specs_are_closed_and_explained_in_dutch():
    for bad in (None, "ma-vr 9-17", {"openingstijden": {"maandag": "09:00-17:00"}},
                {"openingstijden": {"ma": "17:00-09:00"}}, {"openingstijden": {"ma": "9 tot 5"}},
                {"openingstijden": {}}, {"openingstijden": {"ma": "09:00-17:00"}, "telefoon": "x"}):
        ranges, errors = parse(bad)
        assert errors and all(isinstance(e, str) for e in errors)
        assert not is_open(bad, utc(2026, 12, 7, 10, 0))


def test_whole_day_and_naive_times_are_utc():
    spec = {"openingstijden": {"ma": "00:00-24:00"}}
    assert parse(spec)[1] == []
    assert is_open(spec, datetime(2026, 12, 7, 12, 0))
    assert is_open(spec, utc(2026, 12, 7, 22, 59, 59, 500000))   # Monday 23:59:59.5 in Amsterdam
    assert not is_open(spec, utc(2026, 12, 7, 23, 0, 0))         # Tuesday 00:00: not listed


def _write(directory: Path, name: str, data: dict) -> None:
    (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_overrides_carry_live_chat_strongest_layer_wins(tmp_path):
    content = Path("content/regio")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    directory = RegionDirectory(content, overrides)
    jz = directory.municipality("GM0344")["rmc"]["code"]  # an RMC region: many municipalities
    _write(overrides, f"{jz}.yml", {"gebied": jz, "naam": "RMC-regio", "live_chat": {"openingstijden": {"ma": "09:00-12:00"}}})
    _write(overrides, "GM0344.yml", {"gebied": "GM0344", "naam": "Gemeente Utrecht", "live_chat": WEEK})
    directory = RegionDirectory(content, overrides)
    assert directory.override_errors == []
    assert directory.live_chat("GM0344") == WEEK               # the municipality over its RMC region
    others = [g for g, v in directory.gemeenten.items() if (v.get("rmc") or {}).get("code") == jz and g != "GM0344"]
    assert others and directory.live_chat(others[0]) == {"openingstijden": {"ma": "09:00-12:00"}}
    assert directory.live_chat("GM0479") is None or directory.live_chat("GM0479") != WEEK


def test_a_bad_live_chat_block_is_reported_by_the_override_check():
    errors = validate_override(Path("GM0344.yml"), {"gebied": "GM0344", "live_chat": {"openingstijden": {"ma": "9-17"}}})
    assert any("live_chat.openingstijden.ma" in e for e in errors)
