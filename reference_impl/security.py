"""Secrets kept only as hashes: passwords with Argon2id, applied as soon as a password is received;
activation codes with SHA-256."""

from __future__ import annotations

import hashlib

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

# OWASP's Password Storage Cheat Sheet, first Argon2id configuration: 19 MiB, 2 passes, 1 lane.
# argon2-cffi's default (64 MiB, 3 passes, 4 lanes) costs 130 ms a hash here, 360 ms with two
# requests at once, for no protection OWASP counts as stronger. A stored hash carries its own
# parameters, so hashes made with others still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the address is unknown, so that timing does not tell.
_DUMMY_HASH = _hasher.hash("espro-no-such-account-0")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except VerificationError:
        return False


def code_digest(code: str) -> str:
    """How an activation code is kept and looked up. Its 71 random bits need no salt nor slow hash;
    looked up by its digest, a code gives no timing clue of how much of it was right."""
    return hashlib.sha256(code.encode()).hexdigest()
