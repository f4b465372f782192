"""The time budget of one request: a deadline that every expensive loop checks.

A search, including the expansion of its wildcard and fuzzy terms, stops with
:class:`SearchTimeout` (HTTP 503) once its budget is spent, so one abusive query cannot hold a
server thread or a core for longer than the budget.  The clock is injectable, so tests count work
instead of measuring wall-clock time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Default time budget per search, in seconds (README, "Operations").
DEFAULT_TIME_BUDGET = 2.0


class SearchTimeout(Exception):
    """The search ran past its time budget (HTTP 503: the server stays responsive)."""


class Deadline:
    """``check()`` raises :class:`SearchTimeout` once ``budget`` seconds have passed on ``clock``.

    ``budget=None`` never expires (the CLI and scripts run without a budget).  ``checks`` counts
    the calls, so tests can assert that a loop really consults the deadline.
    """

    def __init__(self, budget: float | None, clock: Callable[[], float] = time.perf_counter) -> None:
        self.budget = budget
        self.clock = clock
        self.end = None if budget is None else clock() + budget
        self.checks = 0

    def expired(self) -> bool:
        """True once the budget is spent (never for an unlimited deadline)."""
        self.checks += 1
        return self.end is not None and self.clock() > self.end

    def check(self) -> None:
        """Raise :class:`SearchTimeout` when the budget is spent."""
        if self.expired():
            raise SearchTimeout(
                f"the search took longer than its {self.budget:g} s budget; make the query more specific"
            )


#: A deadline that never expires, for callers without a budget.
UNLIMITED = Deadline(None)
