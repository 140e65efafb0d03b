"""Public contact details of organisations, taken from content/ (answers, regional contact points) and
always from content/regio/landelijk.yml, where the answers' national numbers live (issue 17).

Those numbers and addresses are shown to every user by the assistant itself, so a user who repeats
them ("ik heb 0800-5010 gebeld") shares nothing personal: they stay visible in the console.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from bot import settings
from bot.content import contacts
from bot.privacy.contact_details import find_emails, find_phones, normalized_phone

log = logging.getLogger(__name__)
CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
CONTENT_DIR_ENV = "WEGWIJZER_CONTENT_DIR"
# large lookup tables without contact details are skipped
SKIP = {"gemeenten.json", "plaatsen.json", "postcodes.json"}
MAX_FILE = 2_000_000


def _content_files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yml", ".yaml", ".json", ".md") and path.name not in SKIP and path.is_file():
            yield path


@lru_cache(maxsize=1)
def public_contacts(root: str | None = None) -> tuple[frozenset, frozenset]:
    """(phones as E.164, e-mail addresses in lower case) found in the content files."""
    configured = settings.read(CONTENT_DIR_ENV) if settings.is_set(CONTENT_DIR_ENV) else None
    base = Path(root) if root else configured or CONTENT_DIR  # unset: all of content/, not only the answers
    phones, emails = set(), set()
    files = list(_content_files(base))
    national = contacts.contacts_file()  # the one source of national numbers (answers only name keys)
    if root is None and national.is_file() and national not in files:
        files.append(national)
    for path in files:
        try:
            if path.stat().st_size > MAX_FILE:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            log.warning("inhoud niet gelezen voor openbare nummers: %s (%s)", path, exc)
            continue
        for span in find_phones(text):
            e164 = normalized_phone(span.text)
            if e164:
                phones.add(e164)
        emails.update(s.text.lower() for s in find_emails(text))
    return frozenset(phones), frozenset(emails)
