"""Live takeover of a widget conversation by a colleague of the region (issue 20, item 5).

Plain Python, one concern per file: ``hours`` (opening hours from the region overrides), ``schema`` and
``store`` (the durable queue: waiting, taken, closed), ``texts`` (what the widget and the console say),
``relay`` (the console's authenticated calls to the Rasa server's channel endpoint) and ``channel_events``
(what the channel endpoint appends to the tracker and emits), ``turn_trackers`` (the tracker a turn saved, for the
paused-safety check right after it). Rasa and the console are thin adapters over them.
"""
