"""Find the files a batch converts, in a stable order, and where each one's
output goes relative to the output folder.

Inputs are streamed: a walk or a list of a million paths is never held in
memory whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO, NamedTuple


class Input(NamedTuple):
    path: str  # as the user gave or the walk found it; "-" is standard input
    rel: str | None  # the output's path relative to the output folder, without suffix
    error: str | None = None  # set when the input was found unusable while listing


def read_list(stream: IO[bytes], sep: bytes) -> Iterator[str]:
    """Paths from a list: one a line (`--files-from`) or NUL-separated
    (`--files0-from`). Names that are not valid UTF-8 are kept as the file
    system's bytes (surrogate escapes)."""
    pending = b""
    while chunk := stream.read(1 << 16):
        pending += chunk
        *items, pending = pending.split(sep)
        for item in items:
            yield from _list_item(item, sep)
    yield from _list_item(pending, sep)


def _list_item(item: bytes, sep: bytes) -> Iterator[str]:
    if sep == b"\n":
        item = item.removesuffix(b"\r")
    if item:
        yield os.fsdecode(item)


def spool(stream: IO[bytes]) -> IO[bytes]:
    """A re-readable copy of a list read from standard input (kept on disk,
    so that memory stays flat however long the list)."""
    import tempfile

    copy = tempfile.TemporaryFile()  # noqa: SIM115 - the caller owns it
    while chunk := stream.read(1 << 20):
        copy.write(chunk)
    copy.seek(0)
    return copy


def _strip_suffix(rel: str) -> str:
    root, ext = os.path.splitext(rel)
    return root if ext else rel


def walk(root: str, pattern: str, follow_links: bool) -> Iterator[Input]:
    """Files under `root` whose names match `pattern`, sorted, depth first.

    A symbolic link is followed when it points inside `root` (or always with
    `follow_links`); a link that leads back into a folder being walked is
    reported as a loop instead of being followed forever.
    """
    from fnmatch import fnmatchcase

    real_root = os.path.realpath(root)

    def inside(path: str) -> bool:
        real = os.path.realpath(path)
        return real == real_root or real.startswith(real_root + os.sep)

    def visit(folder: str, ancestors: frozenset[str]) -> Iterator[Input]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield Input(folder, None, f"cannot list folder: {e.strerror}")
            return
        for entry in entries:
            path = entry.path
            is_link = entry.is_symlink()
            if is_link and not follow_links and not inside(path):
                continue  # outside the tree: left alone unless --follow-links
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in ancestors:
                    yield Input(path, None, "symbolic link loop")
                    continue
                yield from visit(path, ancestors | {real})
            elif fnmatchcase(entry.name, pattern):
                if is_link and not os.path.exists(path):
                    reason = "symbolic link loop" if _is_loop(path) else "dangling symbolic link"
                    yield Input(path, None, reason)
                    continue
                try:
                    regular = entry.is_file()
                except OSError:
                    regular = False
                if not regular:  # a FIFO found by a walk would block the batch forever
                    yield Input(path, None, f"not a regular file ({_file_type(path)})")
                    continue
                rel = os.path.relpath(path, root)
                yield Input(path, _strip_suffix(rel))

    yield from visit(root, frozenset({real_root}))


def _file_type(path: str) -> str:
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return e.strerror or "unreadable"
    for test, name in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "special file"


def _is_loop(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as e:
        return e.errno == 40  # ELOOP
    return False


def common_folder(paths: Iterator[str]) -> str | None:
    """The deepest folder that holds all of `paths` (None when there are none)."""
    common: str | None = None
    for p in paths:
        if p == "-":
            continue
        folder = os.path.dirname(os.path.abspath(p))
        common = folder if common is None else os.path.commonpath([common, folder])
    return common


def relative_to(path: str, folder: str | None) -> str | None:
    if folder is None or path == "-":
        return None
    return _strip_suffix(os.path.relpath(os.path.abspath(path), folder))


class Sources:
    """Everything the user named as input, re-iterable: a first pass can find
    the common folder of the named files, or count them for the progress bar."""

    def __init__(
        self,
        files: tuple[str, ...],
        *,
        recursive: bool = False,
        pattern: str = "*.txt",
        follow_links: bool = False,
        lists: list[tuple[str, bytes]] | None = None,  # (path or "-", separator)
        mirror: bool = False,  # compute `Input.rel` for an output folder
    ) -> None:
        self.files = files
        self.recursive = recursive
        self.pattern = pattern
        self.follow_links = follow_links
        self.lists = lists or []
        self.mirror = mirror
        self._stdin_copy: IO[bytes] | None = None

    def _list_stream(self, path: str) -> IO[bytes]:
        if path == "-":
            if self._stdin_copy is None:
                import sys

                self._stdin_copy = spool(sys.stdin.buffer)
            self._stdin_copy.seek(0)
            return self._stdin_copy
        return open(path, "rb")

    def _walked(self, path: str) -> bool:
        if not self.recursive or path == "-":
            return False
        from .storage import is_url, local

        return is_url(path) or os.path.isdir(local(path))

    def named(self) -> Iterator[str]:
        """Files named one by one (arguments and lists), not found by a walk."""
        for f in self.files:
            if not self._walked(f):
                yield f
        for path, sep in self.lists:
            with self._list_stream(path) if path != "-" else _borrow(self._list_stream(path)) as s:
                yield from read_list(s, sep)

    def __iter__(self) -> Iterator[Input]:
        common = common_folder(self.named()) if self.mirror else None
        for f in self.files:
            if self._walked(f):
                from .storage import is_url, local, walk_url

                if is_url(f):
                    for url, rel in walk_url(f, self.pattern):
                        yield Input(url, _strip_suffix(rel))
                else:
                    yield from walk(local(f), self.pattern, self.follow_links)
            else:
                yield Input(f, relative_to(f, common) if self.mirror else None)
        for path, sep in self.lists:
            with self._list_stream(path) if path != "-" else _borrow(self._list_stream(path)) as s:
                for p in read_list(s, sep):
                    yield Input(p, relative_to(p, common) if self.mirror else None)


class _borrow:
    """A context manager that does not close what it is given."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def __enter__(self) -> IO[bytes]:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        return None
