"""The admin PIN: stored only as a salted scrypt hash, checked with a lockout."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$SALT$HASH`` (hex) for ``pin``."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify(pin: str, stored: str) -> bool:
    try:
        scheme, salt_hex, _ = stored.split("$")
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    return hmac.compare_digest(hash_pin(pin, salt), stored)


def is_valid_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 12


class Lockout:
    """After ``attempts`` wrong PINs in a row, refuse every PIN for ``seconds``.

    ``clock`` returns seconds (monotonic); tests pass their own.
    """

    def __init__(
        self,
        stored: str,
        attempts: int = 5,
        seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stored = stored
        self.attempts = attempts
        self.seconds = seconds
        self.clock = clock
        self._failures = 0
        self._locked_until = 0.0

    def remaining(self) -> float:
        """Seconds until PINs are accepted again (0 when not locked)."""
        return max(0.0, self._locked_until - self.clock())

    def lock_now(self) -> None:
        """Refuse every PIN for ``seconds`` from now (as after too many wrong ones)."""
        self._failures = 0
        self._locked_until = self.clock() + self.seconds

    def check(self, pin: str) -> bool:
        if self.remaining() > 0:
            return False
        if verify(pin, self.stored):
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= self.attempts:
            self.lock_now()
        return False
