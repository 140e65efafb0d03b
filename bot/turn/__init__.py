"""The turn: what one user message gets back (issue 16 builds this package; the older turn modules
``bot.turn.plan``, ``bot.turn.regio`` and ``bot.signals.audience`` move here in a later step)."""
