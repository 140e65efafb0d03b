"""Signals read from the text of a message: normalisation, danger, language, audience."""
