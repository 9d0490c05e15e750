"""Regular expressions compiled on first use.

The `regex` module takes a millisecond or more to compile a pattern with
Unicode properties; compiling all of them at import would cost a one-liner
more than the conversion itself. A `Lazy` pattern compiles when first used.
"""

from __future__ import annotations

import regex


class Lazy:
    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def p(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self._flags)
        return self._compiled
