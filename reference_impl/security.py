"""Password hashing with Argon2id, applied as soon as a password is received."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

_hasher = PasswordHasher()
# Verified against when the address is unknown, so that timing does not tell.
_DUMMY_HASH = _hasher.hash("espro-no-such-account-0")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except VerificationError:
        return False
