"""The one content library the action server shares (reloads edited files without restart)."""
from __future__ import annotations

from functools import lru_cache

from bot.content.loader import ContentLibrary


@lru_cache(maxsize=1)
def library() -> ContentLibrary:
    return ContentLibrary()
