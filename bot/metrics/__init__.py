"""Prometheus metrics of every Wegwijzer process (issue 22, operations). This package is the exporter;
what the processes count lives in ``bot/counters/`` (the worker, the console and the Rasa server import
that, never the exporter).

One concern per file:

| file | holds |
|---|---|
| ``bot/counters/definitions.py`` | every metric the processes count (names, labels, help text), in one place |
| ``bot/counters/turns.py`` | plain functions: one user turn (channel, seconds, outcome), "not understood" |
| ``bot/rasa_runtime/turn_metrics.py`` | the thin adapter inside the Rasa server that calls ``turns`` for each message |
| ``outbox.py`` | the outbox's queue length, oldest waiting delivery and dead letters, read from the database at scrape time |
| ``probes.py`` | whether each process answers its health URL, checked at scrape time (``wegwijzer_process_up``) |
| ``settings.py`` | the exporter's address, port, token and folder from the environment (fails closed) |
| ``exporter.py`` / ``__main__.py`` | ``python -m bot.metrics``: the one ``/metrics`` endpoint of a machine |

All processes of one machine write their counters to one folder (prometheus-client's multiprocess
mode, ``PROMETHEUS_MULTIPROC_DIR``, set by ``scripts/start`` and the production supervisor); the
exporter adds them up. A process started without that variable counts in memory only and exports
nothing. Operator's view: docs/productie.md ("Metrieken") and docs/runbook.md.
"""
