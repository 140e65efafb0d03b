"""Password hashing (argon2id via argon2-cffi) and the password policy (Dutch messages)."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
MIN_LENGTH = 12
MAX_LENGTH = 256
COMMON = {"welkom01welkom", "wachtwoord123", "password1234", "qwertyuiop12", "123456789012", "wegwijzer123",
          "wachtwoordwachtwoord", "welkomwelkom", "administrator", "beheerder123", "zomer2024!!!", "winter2024!!!"}
# a real hash of a random string: an unknown user costs as much time as a wrong password
_DUMMY = _hasher.hash("niet-bestaand-account-\x00")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False


def weakness(password: str, gebruikersnaam: str = "") -> str | None:
    """A Dutch reason why the password is too weak, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"Het wachtwoord moet minstens {MIN_LENGTH} tekens hebben."
    if len(password) > MAX_LENGTH:
        return f"Het wachtwoord mag hoogstens {MAX_LENGTH} tekens hebben."
    lowered = password.lower()
    if lowered in COMMON or len(set(lowered)) < 5:
        return "Dit wachtwoord is te makkelijk te raden."
    if gebruikersnaam and gebruikersnaam.lower() in lowered:
        return "Het wachtwoord mag de gebruikersnaam niet bevatten."
    if lowered.isdigit() or lowered.isalpha():
        return "Gebruik een mengsel van letters en cijfers of andere tekens, of een lange zin."
    return None
