from bench.load.report import append_results, markdown, verdicts


def _result():
    step = {"users": 8, "throughput": 51.2, "turns": 3100, "errors": 2, "error_kinds": {"timeout": 2},
            "mismatches": 0, "client_cpu_percent": 12.5,
            "latency_ms": {"p50": 120.0, "p95": 240.5, "p99": 400.0, "max": 900.0, "mean": 130.0}}
    result = {"mode": "saturation", "steps": [step], "settings": {"step_seconds": 60},
              "target": {"url": "http://127.0.0.1:5005", "transport": "rest"}}
    result["verdicts"] = verdicts(result)
    return result


def test_markdown_has_the_step_row_and_the_verdict():
    text = markdown(_result(), "embedded", {"cpus": 2, "memory_gib": 24.0, "load_average": [1.0, 1.0, 1.0]})
    assert "| 8 | 51.2 | 120.0 | 240.5 | 400.0 | 900.0 | 3100 | 2 (timeout 2) | 0 | 12.5 % |" in text
    # 51.2 turns/s, but with errors: the target is not met
    assert "| throughput >= 50 turns/s with 0 errors | 0.0 turns/s (best error-free step) | **no** |" in text


def test_append_keeps_what_is_there(tmp_path):
    results_md = tmp_path / "RESULTS.md"
    results_md.write_text("# Measured results\n\nold table\n")
    append_results("## Load test\n", results_md)
    append_results("## Load test 2\n", results_md)
    assert results_md.read_text() == "# Measured results\n\nold table\n\n## Load test\n\n## Load test 2\n"
