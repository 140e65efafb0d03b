"""Results of a load run: targets met or not, JSON in bench/results/, a Markdown section for
bench/RESULTS.md (appended only when asked)."""
from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Optional

import psutil

# Targets of issue 8 (bench/README.md).
SATURATION_TURNS_PER_S = 50.0
THINK_P95_MS = 300.0
SOAK_GROWTH_PCT = 10.0


def machine() -> dict:
    return {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def verdicts(result: dict) -> list[dict]:
    """Each target of the mode with the measured value and whether it is met."""
    mode, steps = result["mode"], result["steps"]
    if mode == "saturation":
        clean = [s for s in steps if s["errors"] == 0]
        best = max((s["throughput"] for s in clean), default=0.0)
        return [{"target": f"throughput >= {SATURATION_TURNS_PER_S:g} turns/s with 0 errors",
                 "value": f"{best} turns/s (best error-free step)", "met": best >= SATURATION_TURNS_PER_S}]
    step = steps[0]
    if mode == "think":
        p95 = step["latency_ms"]["p95"]
        return [
            {"target": f"p95 <= {THINK_P95_MS:g} ms", "value": f"{p95} ms",
             "met": p95 is not None and p95 <= THINK_P95_MS},
            {"target": "0 errors", "value": str(step["errors"]), "met": step["errors"] == 0},
        ]
    if mode == "soak":
        growths = [p["growth_pct"] for p in result["memory"].values() if p.get("growth_pct") is not None]
        worst = max(growths, default=None)
        gone = [pid for pid, p in result["memory"].items() if p.get("gone")]
        connections = result["connections"]
        leaked = connections["leaked"] + (connections["pg_extra"] or 0)
        return [
            {"target": f"memory growth < {SOAK_GROWTH_PCT:g} % per process",
             "value": f"{worst} % (largest)", "met": worst is not None and worst < SOAK_GROWTH_PCT},
            {"target": "0 errors", "value": str(step["errors"]), "met": step["errors"] == 0},
            {"target": "no leaked connections", "value": f"{leaked} still open after the load",
             "met": leaked == 0},
            {"target": "no process died", "value": ", ".join(gone) or "none", "met": not gone},
        ]
    raise ValueError(f"unknown mode {mode!r}")


def write_json(result: dict, out_dir: Path, label: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in label.lower())[:40] or "run"
    path = out_dir / f"load_{result['mode']}_{slug}_{stamp}.json"
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _ms(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.1f}"


def _errors(step: dict) -> str:
    kinds = ", ".join(f"{k} {n}" for k, n in step["error_kinds"].items())
    return f"{step['errors']} ({kinds})" if kinds else str(step["errors"])


def step_table(steps: list[dict]) -> list[str]:
    lines = ["| users | turns/s | p50 ms | p95 ms | p99 ms | max ms | turns | errors | mismatches | client CPU |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for s in steps:
        lat = s["latency_ms"]
        lines.append(f"| {s['users']} | {s['throughput']} | {_ms(lat['p50'])} | {_ms(lat['p95'])} | "
                     f"{_ms(lat['p99'])} | {_ms(lat['max'])} | {s['turns']} | {_errors(s)} | "
                     f"{s['mismatches']} | {s['client_cpu_percent']} % |")
    return lines


def soak_table(result: dict) -> list[str]:
    names = {p["pid"]: p["name"] for p in result["processes"]}
    per_conn = result["connections"]["per_pid"]
    metric = {"anon": "anonymous memory", "rss": "RSS"}[result.get("memory_metric", "rss")]
    lines = [f"| process | {metric} after warm-up MB | last MB | max MB | growth % | MB/hour | TCP before | TCP after |",
             "|---|---|---|---|---|---|---|---|"]
    for pid, m in result["memory"].items():
        c = per_conn.get(pid, {})
        lines.append(f"| {names.get(pid, pid)} ({pid}) | {m.get('first_mb', '–')} | {m.get('last_mb', '–')} | "
                     f"{m.get('max_mb', '–')} | {m.get('growth_pct', '–')} | {m.get('mb_per_hour', '–')} | "
                     f"{c.get('before', '–')} | {c.get('after', '–')} |")
    conn = result["connections"]
    if conn["pg_before"] is not None:
        lines.append("")
        lines.append(f"PostgreSQL sessions (pg_stat_activity): {conn['pg_before']} before, "
                     f"{conn['pg_after']} after the load.")
    return lines


def markdown(result: dict, label: str, info: dict) -> str:
    target = result["target"]
    settings = ", ".join(f"{k} {v}" for k, v in result["settings"].items())
    lines = [f"## Load test: {result['mode']}, {label} (`bench/load`)", "",
             f"{time.strftime('%Y-%m-%d %H:%M')}; {info['cpus']} CPUs, {info['memory_gib']} GiB; load average "
             f"at the end {info['load_average']}; target {target['url']} over {target['transport']}; "
             f"{settings}.", ""]
    lines += step_table(result["steps"])
    if result["mode"] == "soak":
        lines += [""] + soak_table(result)
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {v['target']} | {v['value']} | {'yes' if v['met'] else '**no**'} |" for v in result["verdicts"]]
    return "\n".join(lines) + "\n"


def append_results(text: str, results_md: Path) -> None:
    existing = results_md.read_text(encoding="utf-8") if results_md.exists() else "# Measured results\n"
    separator = "" if existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    with results_md.open("a", encoding="utf-8") as handle:
        handle.write(separator + text)
