"""Retention and erasure from the command line (for cron / a systemd timer, and for administrators).

    python -m bot.privacy.cli opruimen [--dagen N] [--hulpvraag-dagen M]
        delete conversations whose last message is older than N days (WEGWIJZER_BEWAARTERMIJN_DAGEN,
        default 30) and closed/withdrawn help requests older than M days (WEGWIJZER_HULPVRAAG_BEWAARDAGEN,
        default 90)
    python -m bot.privacy.cli verwijder-gesprek <gesprek-id> [--door NAAM]
        right to erasure: all messages of one conversation, and its help requests are withdrawn and wiped
    python -m bot.privacy.cli bsn-maskeren
        once after upgrading: mask BSN-like numbers in conversations stored before the tracker store did

Tracker store: WEGWIJZER_TRACKER_URL (default sqlite:///<repo>/var/tracker.db, as bot/rasa/endpoints.yml).
Help requests and the audit log: WEGWIJZER_DATABASE_URL. Every run is written to the audit log.
"""
from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from bot import settings as env_settings
from bot.hulpvraag.config import REPO, Settings
from bot.hulpvraag.db import create_tables, make_engine
from bot.feedback.store import unlink_gone_conversations
from bot.privacy.notes_retention import cleanup_orphan_notes
from bot.privacy.audit import AuditLog
from bot.privacy.mask_stored import mask_existing
from bot.privacy.retention import cleanup_transcripts, erase_conversation

DEFAULT_TRACKER_URL = f"sqlite:///{REPO / 'var' / 'tracker.db'}"
log = logging.getLogger(__name__)


def tracker_url(env: dict | None = None) -> str:
    return env_settings.read("WEGWIJZER_TRACKER_URL", env) or DEFAULT_TRACKER_URL


def retention_days(env: dict | None = None) -> int:
    """WEGWIJZER_BEWAARTERMIJN_DAGEN (0 or more, default 30); a bad value raises SettingsError."""
    return env_settings.read("WEGWIJZER_BEWAARTERMIJN_DAGEN", env)


def make_tracker_engine(url: str) -> Engine:
    """An engine on Rasa's tracker database. No pragmas: the database belongs to Rasa."""
    if make_url(url).get_backend_name() == "sqlite":
        return create_engine(url, future=True, connect_args={"timeout": 10})
    return create_engine(url, future=True, pool_pre_ping=True)


def _parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy.cli",
                                     description="Bewaartermijn en verwijderen van gesprekken.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    clean = sub.add_parser("opruimen", help="oude gesprekken en afgesloten hulpvragen verwijderen")
    days = retention_days()
    clean.add_argument("--dagen", type=int, default=days,
                       help=f"bewaartermijn gesprekken in dagen (standaard {days}, WEGWIJZER_BEWAARTERMIJN_DAGEN)")
    clean.add_argument("--hulpvraag-dagen", type=int, default=settings.bewaar_dagen,
                       help=f"bewaartermijn afgesloten hulpvragen (standaard {settings.bewaar_dagen}, "
                            "WEGWIJZER_HULPVRAAG_BEWAARDAGEN)")
    erase = sub.add_parser("verwijder-gesprek", help="één gesprek en de hulpvragen ervan wissen")
    erase.add_argument("gesprek_id", help="het gesprek-id (sender_id) uit de console")
    erase.add_argument("--door", default="systeem", help="wie dit vraagt (voor het auditlog)")
    sub.add_parser("bsn-maskeren", help="BSN-achtige nummers in eerder opgeslagen gesprekken maskeren")
    return parser


def main(argv: list[str] | None = None, out=sys.stdout) -> int:
    env_settings.start("cli")
    settings = Settings.from_env()
    args = _parser(settings).parse_args(argv)
    tracker = make_tracker_engine(tracker_url())
    requests = make_engine(settings.database_url)
    try:
        create_tables(requests)
        audit = AuditLog(requests)
        if args.cmd == "opruimen":
            if args.dagen < 0 or args.hulpvraag_dagen < 0:
                print("de bewaartermijn moet 0 of meer dagen zijn", file=out)
                return 2
            from bot.hulpvraag.retention import cleanup as cleanup_requests

            n_conv = cleanup_transcripts(tracker, args.dagen)
            n_req = cleanup_requests(requests, args.hulpvraag_dagen)
            n_notes = cleanup_orphan_notes(requests, tracker)  # notes and labels go with their subject
            unlink_gone_conversations(requests, tracker)  # feedback counts stay, the link to a gone conversation goes
            audit.record("systeem", "opgeruimd", "bewaartermijn", "",
                         f"{n_conv} gesprekken (> {args.dagen} dagen), {n_req} hulpvragen (> {args.hulpvraag_dagen} dagen), "
                         f"{n_notes} notities en labels")
            print(f"{n_conv} gesprek(ken) verwijderd (laatste bericht ouder dan {args.dagen} dagen)", file=out)
            print(f"{n_req} afgesloten hulpvraag/hulpvragen verwijderd (ouder dan {args.hulpvraag_dagen} dagen)",
                  file=out)
            print(f"{n_notes} notitie(s) en label(s) van verwijderde gesprekken en hulpvragen verwijderd", file=out)
            return 0
        if args.cmd == "verwijder-gesprek":
            try:
                result = erase_conversation(tracker, args.gesprek_id, requests)
            except ValueError as exc:
                print(f"niet verwijderd: {exc}", file=out)
                return 2
            audit.record(args.door, "verwijderd", "gesprek", args.gesprek_id,
                         f"{result.events} gebeurtenissen, {result.help_requests} hulpvragen gewist")
            if not result.events and not result.help_requests:
                print("geen gesprek met dit id gevonden", file=out)
                return 1
            print(f"gesprek verwijderd: {result.events} gebeurtenis(sen), "
                  f"{result.help_requests} hulpvraag/hulpvragen ingetrokken en gewist", file=out)
            return 0
        if args.cmd == "bsn-maskeren":
            n = mask_existing(tracker)
            audit.record("systeem", "bsn_gemaskeerd", "trackerstore", "", f"{n} gebeurtenissen")
            print(f"{n} opgeslagen gebeurtenis(sen) gemaskeerd", file=out)
            return 0
    except SQLAlchemyError as exc:
        print(f"database niet bereikbaar: {exc.__class__.__name__}", file=out)
        return 1
    finally:
        tracker.dispose()
        requests.dispose()
    return 2


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    sys.exit(main())
