"""Which button a user message was: a click sends the button's payload as the message text (the widget,
the REST channel), so the transcript shows "Klikte op de knop: <title>" instead of the payload and the NLU's
guess about it (a form answer such as "middag" is otherwise shown as "niet begrepen (25%)").

The buttons that count are those of every assistant message since the user's previous message: the
assistant often sends an answer and then a separate message with the choices.
"""
from __future__ import annotations


class OfferedButtons:
    def __init__(self) -> None:
        self._offered: dict[str, str] = {}     # payload → title
        self._titles: dict[str, str] = {}      # title (case-folded) → title
        self._user_since = True

    def bot_message(self, buttons: list) -> None:
        if self._user_since:
            self._offered, self._titles, self._user_since = {}, {}, False
        for b in buttons:
            if isinstance(b, dict) and str(b.get("title", "")).strip():
                title = str(b.get("title"))
                self._offered.setdefault(str(b.get("payload", "")), title)
                self._titles.setdefault(title.casefold().strip(), title)

    def user_message(self, text: str) -> str:
        """The title of the button this message was (its payload, or its exact title), else ''."""
        self._user_since = True
        if not text:
            return ""
        return self._offered.get(text) or self._titles.get(text.casefold().strip(), "")
