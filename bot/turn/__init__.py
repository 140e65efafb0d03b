"""The turn: what one user message gets back (issue 16 builds this package; the older turn modules
``bot.turn_plan``, ``bot.region_turn`` and ``bot.audience`` move here in a later step)."""
