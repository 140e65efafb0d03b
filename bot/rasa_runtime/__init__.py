"""Everything that runs inside the Rasa server process and touches Rasa itself: the patches of Rasa's
private internals, the tracker store, the warm-up. No other process imports this package
(tests/unit/test_process_imports.py). One switch, ``install()``, called from one place:
``python -m bot.rasa_runtime`` (docs/architecture.md, "Rasa runtime")."""
