"""The one exception the library raises for input it cannot convert."""

from __future__ import annotations


class ConvertError(Exception):
    """An input that cannot be converted; `reason` is one line meant for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
