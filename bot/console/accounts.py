"""Console accounts: create, find, change role/regions/password. One role per account."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.console.passwords import hash_password, weakness
from bot.console.roles import ROLES, Principal
from bot.storage.console_schema import account, sessie
from bot.hulpvraag.db import utcnow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ValueError):
    """A Dutch message for the admin screen or the CLI."""


@dataclass(frozen=True)
class Account:
    id: int
    gebruikersnaam: str
    rol: str
    regios: frozenset[str]
    actief: bool
    wachtwoord_hash: str

    def principal(self) -> Principal:
        return Principal(self.id, self.gebruikersnaam, self.rol, self.regios)


def _row(row) -> Account:
    codes = frozenset(c for c in (row.regios or "").split(",") if c)
    return Account(row.id, row.gebruikersnaam, row.rol, codes, bool(row.actief), row.wachtwoord_hash)


def normalize_username(name: str) -> str:
    return (name or "").strip().lower()


class Accounts:
    def __init__(self, engine: Engine):
        self.engine = engine

    def create(self, gebruikersnaam: str, wachtwoord: str, rol: str, regios: frozenset[str] = frozenset()) -> Account:
        name = normalize_username(gebruikersnaam)
        if not USERNAME.match(name):
            raise AccountError("Een gebruikersnaam heeft 2 tot 64 tekens: kleine letters, cijfers, punt, - of _.")
        if rol not in ROLES:
            raise AccountError("Onbekende rol.")
        reason = weakness(wachtwoord, name)
        if reason:
            raise AccountError(reason)
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(insert(account).values(
                    gebruikersnaam=name, wachtwoord_hash=hash_password(wachtwoord), rol=rol,
                    regios=",".join(sorted(regios)), actief=True, aangemaakt_op=utcnow())).inserted_primary_key[0]
        except IntegrityError as exc:
            raise AccountError("Deze gebruikersnaam bestaat al.") from exc
        return self.by_id(new_id)

    def by_name(self, gebruikersnaam: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(account).where(
                account.c.gebruikersnaam == normalize_username(gebruikersnaam))).first()
        return _row(row) if row else None

    def by_id(self, account_id: int) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(account).where(account.c.id == account_id)).first()
        return _row(row) if row else None

    def all(self) -> list[Account]:
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(select(account).order_by(account.c.gebruikersnaam))]

    def update(self, account_id: int, rol: str, regios: frozenset[str], actief: bool) -> None:
        if rol not in ROLES:
            raise AccountError("Onbekende rol.")
        with self.engine.begin() as conn:
            conn.execute(update(account).where(account.c.id == account_id).values(
                rol=rol, regios=",".join(sorted(regios)), actief=actief))
            if not actief:
                conn.execute(sessie.delete().where(sessie.c.account_id == account_id))

    def set_password(self, account_id: int, wachtwoord: str) -> None:
        acc = self.by_id(account_id)
        if acc is None:
            raise AccountError("Dit account bestaat niet.")
        reason = weakness(wachtwoord, acc.gebruikersnaam)
        if reason:
            raise AccountError(reason)
        with self.engine.begin() as conn:
            conn.execute(update(account).where(account.c.id == account_id).values(
                wachtwoord_hash=hash_password(wachtwoord)))
            conn.execute(sessie.delete().where(sessie.c.account_id == account_id))  # log out everywhere

    def rehash(self, account_id: int, wachtwoord: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(account).where(account.c.id == account_id).values(
                wachtwoord_hash=hash_password(wachtwoord)))
