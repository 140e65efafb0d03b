"""The example alert rules in docs/productie.md are valid YAML and name only metrics that exist (a
renamed metric would otherwise leave an operator with an alert that never fires)."""
from __future__ import annotations

import re

import yaml
from prometheus_client import CollectorRegistry, Counter, Histogram

from bot.hulpvraag.db import create_tables, make_engine
from bot.tooling.launcher import REPO
from bot.counters import definitions
from bot.metrics.outbox import OutboxCollector
from bot.metrics.probes import ProbeCollector

DOC = REPO / "docs" / "productie.md"


def _blocks() -> list:
    text = DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def _existing_names(tmp_path) -> set[str]:
    names = set()
    for metric in vars(definitions).values():
        if isinstance(metric, Counter):
            names.add(metric._name + "_total")
        elif isinstance(metric, Histogram):
            names |= {metric._name + suffix for suffix in ("_bucket", "_count", "_sum")}
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    create_tables(engine)
    registry = CollectorRegistry()
    registry.register(OutboxCollector(lambda: engine))
    registry.register(ProbeCollector({"rasa-1": "http://127.0.0.1:9/"}, timeout=0.2))
    names |= {sample.name for family in registry.collect() for sample in family.samples}
    return names


def test_alert_rules_parse_and_name_existing_metrics(tmp_path):
    groups = [b for b in _blocks() if isinstance(b, dict) and "groups" in b]
    assert len(groups) == 1
    rules = groups[0]["groups"][0]["rules"]
    alerts = {rule["alert"] for rule in rules}
    assert {"WegwijzerOutboxVast", "WegwijzerNietBegrepenPiek", "WegwijzerReplicaWeg"} <= alerts
    existing = _existing_names(tmp_path)
    for rule in rules:
        assert rule["expr"] and rule["annotations"]["summary"]
        for name in re.findall(r"\bwegwijzer_[a-z_]+", rule["expr"]):
            assert name in existing, (rule["alert"], name)
