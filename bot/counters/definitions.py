"""Every metric a Wegwijzer process counts, in one place (names, labels and help text are the
operator's interface: docs/productie.md lists them and the example alert rules use them).

Counters and histograms only: in multiprocess mode each process writes its own file and the exporter
adds them up, so a count survives the restart of the process that made it. Gauges (the outbox, which
processes are up) are not counted by the processes but read by the exporter when Prometheus scrapes
(bot/metrics/outbox.py, bot/metrics/probes.py).

Labels only ever take values from fixed lists in the code (never text from a user or a request), so
no personal data and no unbounded series can get in.
"""
from __future__ import annotations

from prometheus_client import Counter, Histogram

# --- conversations (Rasa server, bot/rasa_runtime/turn_metrics.py) -----------------------------------------
CHANNELS = ("rest", "socketio", "twilio_voice_nl", "other")
TURN_OUTCOMES = ("answered", "error", "cancelled")

TURNS = Counter(
    "wegwijzer_turns", "User messages handled by a Rasa server, by channel and outcome "
    "(answered; error: the turn raised; cancelled: the channel gave up waiting)",
    ["channel", "outcome"])
TURN_SECONDS = Histogram(
    "wegwijzer_turn_duration_seconds", "Time from a user message to the assistant's reply inside the Rasa "
    "server (NLU, dialogue, action server, tracker store)",
    ["channel"], buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0))
NOT_UNDERSTOOD = Counter(
    "wegwijzer_not_understood", "User messages the assistant did not understand (intent nlu_fallback after "
    "the intent override: the same definition as 'niet begrepen' in the console)",
    ["channel"])

# --- answer feedback (not counted yet: the feedback buttons are built separately) ------------------
# "Had u hier iets aan?" in the widget: counted by the web app when a ja/nee is stored (bot/web/feedback.py).
FEEDBACK_RATINGS = ("useful", "not_useful")
FEEDBACK = Counter(
    "wegwijzer_answer_feedback", "Feedback users gave on an answer (rating: useful / not_useful)", ["rating"])

# --- help-request delivery (outbox worker, bot/hulpvraag/worker.py) --------------------------------
DELIVERY_TARGETS = ("webhook", "email", "other")
DELIVERY_RESULTS = ("delivered", "retry", "dead", "unrecorded")
DELIVERIES = Counter(
    "wegwijzer_deliveries", "Delivery attempts of help requests to the regional contact point, by target and "
    "result (delivered; retry: failed, will be tried again; dead: failed for good; unrecorded: the database "
    "did not take the result, the attempt is repeated after the lease)",
    ["target", "result"])

# --- staff console (bot/console/auth_views.py) -----------------------------------------------------
LOGIN_RESULTS = ("success", "failure", "refused")
CONSOLE_LOGINS = Counter(
    "wegwijzer_console_logins", "Console login attempts (success; failure: wrong name or password; refused: "
    "asked while locked out)", ["result"])
LOCKOUT_KEYS = ("user", "address")
CONSOLE_LOCKOUTS = Counter(
    "wegwijzer_console_lockouts", "Times a failed console login made a key wait (user: a user name from one "
    "address; address: all attempts from one address)", ["key"])


def one_of(value: str, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``, else the last entry (``other`` / the catch-all)."""
    return value if value in allowed else allowed[-1]
