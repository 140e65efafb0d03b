"""python -m bot.console.cli maak-beheerder <gebruikersnaam> [--wachtwoord-stdin]

Creates an administrator account. The password is asked twice (getpass) or read from the first line of
stdin; a weak password is refused. There is no default password.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from bot import settings as env_settings
from bot.console.accounts import AccountError, Accounts
from bot.console.passwords import weakness
from bot.console.roles import BEHEERDER
from bot.storage.console_schema import console_metadata
from bot.console.settings import ConsoleSettings
from bot.hulpvraag.db import make_engine


def _password(args, username: str) -> str | None:
    if args.wachtwoord_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    reason = weakness(first, username)
    if reason:
        print(reason, file=sys.stderr)
        return None
    if getpass.getpass("Wachtwoord nog een keer: ") != first:
        print("De twee wachtwoorden zijn niet gelijk.", file=sys.stderr)
        return None
    return first


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.console.cli", description="Wegwijzer-console: beheer")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    make = sub.add_parser("maak-beheerder", help="maak een beheerdersaccount")
    make.add_argument("gebruikersnaam")
    make.add_argument("--wachtwoord-stdin", action="store_true", help="lees het wachtwoord van stdin")
    args = parser.parse_args(argv)
    env_settings.start("cli")
    password = _password(args, args.gebruikersnaam)
    if not password:
        return 1
    engine = make_engine(ConsoleSettings.from_env().database_url)
    console_metadata.create_all(engine, checkfirst=True)
    try:
        acc = Accounts(engine).create(args.gebruikersnaam, password, BEHEERDER)
    except AccountError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Beheerder '{acc.gebruikersnaam}' aangemaakt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
