"""Password and PIN hashing: Argon2id with fixed parameters the app never lowers.

A stored hash made with weaker parameters (fewer passes, less memory, another Argon2 type, a short salt)
is refused rather than checked: someone who could write the store must not be able to plant a hash
that is cheap to brute-force or that they computed themselves with one pass.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# RFC 9106's second recommendation (64 MiB) with one lane: ~0.3 s per guess on one core here.
TIME_COST = 3
MEMORY_KIB = 64 * 1024
PARALLELISM = 1
HASH_LEN = 32
SALT_LEN = 16

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_LEN,
    salt_len=SALT_LEN,
    type=Type.ID,
)


class WeakHash(ValueError):
    """The stored hash is not Argon2id at the app's parameters: refused, whatever the secret."""


def hash_secret(secret: str) -> str:
    return _HASHER.hash(secret)


def check_strength(stored: str) -> None:
    """WeakHash unless `stored` is an Argon2id hash at least as costly as the app's own."""
    try:
        p = extract_parameters(stored)
    except (InvalidHashError, ValueError, IndexError):
        raise WeakHash("存储的密码散列格式无效 the stored hash is not an Argon2id hash") from None
    if (
        p.type is not Type.ID
        or p.time_cost < TIME_COST
        or p.memory_cost < MEMORY_KIB
        or p.parallelism < PARALLELISM
        or p.hash_len < HASH_LEN
        or p.salt_len < SALT_LEN
    ):
        raise WeakHash(
            "存储的密码散列参数低于本程序要求，已拒绝；请管理员重置密码 "
            "the stored hash is weaker than this program allows: refused, have an administrator reset it"
        )


def secret_matches(secret: str, stored: str) -> bool:
    """True when `secret` matches; WeakHash when the stored hash is weaker than the app's own."""
    check_strength(stored)
    try:
        return _HASHER.verify(stored, secret)
    except VerifyMismatchError:
        return False
    except (VerificationError, InvalidHashError):
        raise WeakHash("存储的密码散列已损坏 the stored hash is damaged") from None


def spend_like_a_check(secret: str) -> None:
    """Spend the time of one check, so an unknown name answers as slowly as a wrong password."""
    _HASHER.hash(secret)
