"""Staff commands for help requests.

    python -m bot.hulpvraag.cli status                 counts per status, dead letters
    python -m bot.hulpvraag.cli retry WW-XXXX-XXXX     queue the dead deliveries of one request again
    python -m bot.hulpvraag.cli retry --alle-dode      queue every dead delivery again
    python -m bot.hulpvraag.cli cleanup [--dagen N]    delete closed/withdrawn requests older than N days
    python -m bot.hulpvraag.cli init-db                create the tables
"""
from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from bot import settings as env_settings
from bot.hulpvraag import reference as refs
from bot.hulpvraag.config import Settings
from bot.hulpvraag.db import create_tables, make_engine
from bot.hulpvraag.outbox import Outbox
from bot.hulpvraag.retention import cleanup


def _status(outbox: Outbox, out) -> int:
    counts = outbox.counts()
    print("Hulpvragen:", file=out)
    for status, n in sorted(counts["hulpverzoeken"].items()):
        print(f"  {status:<16}{n:>6}", file=out)
    print("Bezorgingen (doel/status):", file=out)
    for key, n in sorted(counts["bezorgingen"].items()):
        print(f"  {key:<24}{n:>6}", file=out)
    dead = outbox.dead_letters()
    if dead:
        print("Niet bezorgd (dood), opnieuw proberen met: retry <referentie> of retry --alle-dode", file=out)
        for d in dead:
            print(f"  {d['referentie']}  {d['soort']}/{d['doel']}  {d['adres']}  na {d['pogingen']} pogingen: "
                  f"{(d['laatste_fout'] or '').splitlines()[0][:160] if d['laatste_fout'] else ''}", file=out)
    return 0


def main(argv: list[str] | None = None, out=sys.stdout) -> int:
    env_settings.start("cli")
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m bot.hulpvraag.cli", description="Beheer van hulpvragen.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("status", help="aantallen per status en onbezorgde hulpvragen")
    retry = sub.add_parser("retry", help="dode bezorgingen opnieuw in de wachtrij zetten")
    group = retry.add_mutually_exclusive_group(required=True)
    group.add_argument("referentie", nargs="?", help="referentienummer, bijvoorbeeld WW-3K7P-9XQ2")
    group.add_argument("--alle-dode", action="store_true", help="alle dode bezorgingen")
    clean = sub.add_parser("cleanup", help="afgeronde en ingetrokken hulpvragen verwijderen")
    clean.add_argument("--dagen", type=int, default=settings.bewaar_dagen,
                       help=f"bewaartermijn in dagen (standaard {settings.bewaar_dagen}, "
                            "WEGWIJZER_HULPVRAAG_BEWAARDAGEN)")
    sub.add_parser("init-db", help="tabellen aanmaken")
    args = parser.parse_args(argv)

    engine = make_engine(settings.database_url)
    try:
        create_tables(engine)
        outbox = Outbox(engine, settings)
        if args.cmd == "status":
            return _status(outbox, out)
        if args.cmd == "retry":
            if args.alle_dode:
                n = outbox.retry_dead(None)
            else:
                ref = refs.normalize(args.referentie)
                if ref is None:
                    print(f"{args.referentie!r} is geen geldig referentienummer", file=out)
                    return 2
                n = outbox.retry_dead(ref)
            print(f"{n} bezorging(en) opnieuw in de wachtrij", file=out)
            return 0
        if args.cmd == "cleanup":
            if args.dagen < 0:
                print("--dagen moet 0 of meer zijn", file=out)
                return 2
            n = cleanup(engine, args.dagen)
            print(f"{n} hulpvraag/hulpvragen verwijderd (afgesloten langer dan {args.dagen} dagen geleden)", file=out)
            return 0
        if args.cmd == "init-db":
            print("tabellen staan klaar", file=out)
            return 0
    except SQLAlchemyError as exc:
        print(f"database niet bereikbaar: {exc.__class__.__name__}", file=out)
        return 1
    finally:
        engine.dispose()
    return 2


if __name__ == "__main__":
    sys.exit(main())
