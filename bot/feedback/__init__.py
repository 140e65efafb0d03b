"""Feedback on answers ("Had u hier iets aan? Ja / Nee"): a signed reference per answer, one table,
and counts per topic per day for the staff console (docs/widget.md, docs/privacy.md)."""
