"""Growing delay between failed logins (per username), and a record of them for the audit log.

A failed login cannot be written to the encrypted audit log (the key is not known yet), so failures
are kept in memory and written, with their original time, by the next successful login.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from maya_desktop.core.errors import AuthError
from maya_desktop.core.persian import to_persian_digits


@dataclass
class LoginThrottle:
    base_delay: float = 1.0
    max_delay: float = 60.0
    failures: dict[str, int] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)
    unreported: list[tuple[str, float]] = field(default_factory=list)

    def check(self, username: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        wait = self.not_before.get(username, 0.0) - now
        if wait > 0:
            seconds = int(wait) + 1
            raise AuthError(
                f"Too many wrong attempts. Try again in {seconds} s.",
                f"تلاش‌های نادرست زیاد بود. {to_persian_digits(seconds)} ثانیهٔ دیگر دوباره امتحان کنید.",
            )

    def failed(self, username: str, now: float | None = None) -> float:
        """Record a failure; returns the delay now imposed (1, 2, 4, … s, capped)."""
        now = time.monotonic() if now is None else now
        count = self.failures.get(username, 0) + 1
        self.failures[username] = count
        delay = min(self.max_delay, self.base_delay * 2 ** (count - 1))
        self.not_before[username] = now + delay
        self.unreported.append((username, time.time()))
        return delay

    def succeeded(self, username: str) -> list[tuple[str, float]]:
        """Clear the counter; hand back the failures not yet written to the audit log."""
        self.failures.pop(username, None)
        self.not_before.pop(username, None)
        pending, self.unreported = self.unreported, []
        return pending
