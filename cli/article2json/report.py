"""What the command tells the user while a batch runs: the progress bar, the
failures file, the summary."""

from __future__ import annotations

import contextlib
import os
import sys
import time

from .errors import BatchError, ConvertError
from .inputs import path_bytes, printable_path
from .output import temp_name, write_atomic


def one_line(path: str) -> str:
    """A path as one line of text, whatever bytes or line breaks it holds."""
    if path == "-":
        return "<stdin>"
    return printable_path(path).replace("\n", "\\n").replace("\r", "\\r")


def say(message: str) -> None:
    """One line on stderr, as `article2json: message`."""
    sys.stderr.write(f"article2json: {message}\n")
    sys.stderr.flush()


class Progress:
    """A one-line progress bar on stderr: files done, files per second, time left."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.shown = 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.shown < 0.1 and self.done != self.total:
            return
        self.shown = now
        rate = self.done / max(now - self.start, 1e-9)
        line = f"{self.done} files  {rate:,.0f} files/s"
        if self.total:
            width = 30
            filled = width * self.done // self.total
            left = (self.total - self.done) / rate if rate else 0
            line = (
                f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files  "
                f"{rate:,.0f} files/s  {int(left) // 60}:{int(left) % 60:02d} left"
            )
        sys.stderr.write("\r" + line + "\033[K")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


class FailureLog:
    """`--failures FILE`: JSON Lines `{"path", "path_bytes"?, "reason"}`.

    Nothing is opened before the first failure; lines go to a temporary file
    beside FILE, renamed onto it when the batch ends (or is interrupted), so
    FILE is never seen half written and is never truncated before the inputs
    are read. A run without failures leaves FILE empty if it existed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd: int | None = None
        self.tmp: str | None = None

    def add(self, path: str, reason: str) -> None:
        import orjson

        record: dict[str, str] = {"path": "-" if path == "-" else printable_path(path)}
        raw = None if path == "-" else path_bytes(path)
        if raw is not None:
            record["path_bytes"] = raw
        record["reason"] = reason
        line = orjson.dumps(record) + b"\n"
        try:
            if self.fd is None:
                folder, base = os.path.split(self.path)
                self.tmp = temp_name(folder or ".", base)
                self.fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            view = memoryview(line)
            while view:
                view = view[os.write(self.fd, view) :]
        except OSError as e:
            self.discard()
            raise BatchError(f"--failures {self.path}: cannot write: {e.strerror}") from None

    def close(self) -> None:
        try:
            if self.fd is not None and self.tmp is not None:
                os.close(self.fd)
                self.fd = None
                os.replace(self.tmp, self.path)
                self.tmp = None
            elif os.path.exists(self.path) and os.path.getsize(self.path):
                write_atomic(self.path, b"")  # this run had no failures
        except (OSError, ConvertError) as e:
            self.discard()
            reason = e.reason if isinstance(e, ConvertError) else e.strerror
            raise BatchError(f"--failures {self.path}: cannot write: {reason}") from None

    def discard(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None
