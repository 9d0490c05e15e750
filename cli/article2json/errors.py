"""The exceptions of the library and of the batch."""

from __future__ import annotations


class ConvertError(Exception):
    """An input that cannot be converted; `reason` is one line meant for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BatchError(Exception):
    """A failure that stops a whole batch (an unreadable input list, an
    unwritable failures file, a full disk on standard output), as opposed to
    one input that cannot be converted. `reason` is one line for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
