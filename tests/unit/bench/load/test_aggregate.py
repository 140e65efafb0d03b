from bench.load.aggregate import summarize, worst_scripts
from bench.load.outcome import Reply, TurnResult, classify, expectation_missed


def _turn(started, latency_ms, error=None, transport="rest", script="s", mismatch=False):
    return TurnResult(transport, script, 1, started, latency_ms, error, 0 if error else 1, mismatch)


def test_window_counts_turns_started_inside_and_throughput_of_completed_ones():
    results = [
        _turn(0.5, 100),          # warm-up: ignored
        _turn(1.0, 100),          # in
        _turn(1.5, 200),          # in
        _turn(2.0, 300, "timeout"),
        _turn(10.9, 2000),        # starts inside, ends after the window: latency counts, throughput not
        _turn(11.0, 50),          # starts at the end: outside
    ]
    summary = summarize(results, 1.0, 11.0)
    assert summary["turns"] == 4
    assert summary["ok_turns"] == 3
    assert summary["errors"] == 1
    assert summary["error_kinds"] == {"timeout": 1}
    assert summary["throughput"] == 0.2  # 2 ok turns completed inside 10 s
    assert summary["latency_ms"]["p50"] == 200.0
    assert summary["latency_ms"]["max"] == 2000.0
    assert "per_transport" not in summary


def test_errors_are_grouped_by_kind_and_split_per_transport():
    results = [
        _turn(1, 10, "connect:ConnectionError: refused", transport="socketio"),
        _turn(1, 10, "connect:no session_confirm", transport="socketio"),
        _turn(1, 10, "http_503"),
        _turn(1, 10, "refused:te_snel", transport="socketio"),
        _turn(1, 10, transport="socketio", mismatch=True),
        _turn(1, 30),
    ]
    summary = summarize(results, 0, 5)
    assert summary["error_kinds"] == {"connect": 2, "http_503": 1, "refused": 1}
    assert summary["mismatches"] == 1
    assert summary["per_transport"]["socketio"]["errors"] == 3
    assert summary["per_transport"]["rest"] == {
        "turns": 2, "errors": 1,
        "latency_ms": {"p50": 30.0, "p95": 30.0, "p99": 30.0, "max": 30.0, "mean": 30.0}}


def test_window_must_have_length():
    import pytest
    with pytest.raises(ValueError):
        summarize([], 5, 5)


def test_worst_scripts_orders_by_errors_then_mismatches():
    results = [_turn(1, 1, "timeout", script="b"), _turn(1, 1, "timeout", script="b"),
               _turn(1, 1, "empty", script="a"), _turn(1, 1, script="c", mismatch=True), _turn(1, 1, script="d")]
    assert [w["script"] for w in worst_scripts(results)] == ["b", "a", "c"]


def test_classify_replies():
    assert classify(Reply([{"recipient_id": "x", "text": "Hallo"}])) is None
    assert classify(Reply([{"buttons": [{"title": "ja", "payload": "/bevestigen"}]}])) is None
    assert classify(Reply([])) == "empty"
    assert classify(Reply([{"recipient_id": "x"}])) == "empty"
    assert classify(Reply(["tekst"])) == "bad_reply"
    assert classify(Reply({"text": "x"})) == "bad_reply"
    assert classify(Reply([], "http_500")) == "http_500"
    assert classify(Reply([{"text": "Rustig aan", "soort": "te_snel"}])) == "refused:te_snel"


def test_expectation():
    messages = [{"text": "Wie bent u?"}, {"buttons": []}]
    assert not expectation_missed(None, messages)
    assert not expectation_missed("WIE BENT U", messages)
    assert expectation_missed("gemeente", messages)
    assert expectation_missed("x", [])
