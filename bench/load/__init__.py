"""Load test of the assistant: many virtual users holding realistic multi-turn conversations over
REST and socket.io (saturation, think time, soak). Run ``python -m bench.load --help``; see
bench/README.md."""
