"""Find the files a batch converts, in a stable order, and where each one's
output goes relative to the output folder.

The output path rule: an input's output is its path relative to the base
folder (`--base DIR`, by default the current folder), with a `.txt` or
`.text` suffix replaced by `.json` and `.json` appended to any other name
(`story.md` -> `story.md.json`). It depends on nothing but the input's path
and the options: not on the other inputs, nor on how a batch was cut. An
input outside the base folder is refused (its output would leave the output
folder). Standard input's output is `stdin.json`. URLs are relative to
`--base` when it is a URL, else to the folder walked.

Inputs are streamed: a walk or a list of a million paths is never held in
memory whole.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from typing import IO, TYPE_CHECKING

from .errors import BatchError, ConvertError
from .output import MARKER
from .record import Record
from .storage import is_url, local, walk_url

if TYPE_CHECKING:
    from .globs import Globs

TEXT_SUFFIXES = frozenset({".txt", ".text"})
STDIN_NAME = "stdin"


class Input(Record):
    path: str  # as the user gave or the walk found it; "-" is standard input
    rel: str | None  # the output's path relative to the output folder, without ".json"
    error: str | None = None  # set when the input was found unusable while listing
    where: str | None = None  # the path to open, when not `path` (absolute, for a cluster)

    @property
    def location(self) -> str:
        return self.where or self.path


def printable_path(path: str) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name become
    backslash escapes (`\\xff`), so that the JSON stays valid."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def path_bytes(path: str) -> str | None:
    """The exact bytes of a file name that is not valid UTF-8, in base64 (as
    ripgrep's JSON gives them); None for a name that is valid UTF-8."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        import base64  # only for names that are not UTF-8

        return base64.b64encode(os.fsencode(path)).decode("ascii")


def output_stem(rel: str) -> str:
    """`rel` without a `.txt`-like suffix, which `.json` then replaces; other
    suffixes are kept (`notes.2024-01-01` -> `notes.2024-01-01.json`)."""
    root, ext = os.path.splitext(rel)
    return root if ext.lower() in TEXT_SUFFIXES else rel


def relative_output(path: str, base: str | None = None) -> str:
    """The output path of `path` relative to the output folder, without
    ".json": its path relative to `base` (default: the current folder).
    ConvertError when it is outside `base`."""
    if path == "-":
        return STDIN_NAME
    if is_url(path):
        if base is None or not is_url(base):
            raise ConvertError("a URL named as input needs --base URL (outputs are relative to it)")
        prefix = base.rstrip("/") + "/"
        if not path.startswith(prefix):
            raise ConvertError(f"not under the base {base}")
        return output_stem(path[len(prefix) :])
    start = os.path.abspath(base) if base is not None else os.getcwd()
    rel = os.path.relpath(os.path.abspath(local(path)), start)
    if rel == os.curdir or rel == os.pardir or rel.startswith(os.pardir + os.sep):
        where = f"the base folder {base}" if base is not None else "the current folder"
        raise ConvertError(f"outside {where}, which output paths are relative to (give --base DIR)")
    return output_stem(rel)


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


class WalkStats:
    """What walks left out, to be told once at the end."""

    def __init__(self) -> None:
        self.links_skipped = 0


def walk(
    root: str,
    globs: Globs,
    follow_links: bool,
    *,
    skip: Collection[str] = (),
    stats: WalkStats | None = None,
) -> Iterator[Input]:
    """Files under `root` that `globs` selects, sorted, depth first; `rel` is
    left for the caller to fill in.

    A symbolic link is followed when it points inside `root` (or always with
    `follow_links`); a link that leads back into a folder being walked is
    reported as a loop instead of being followed forever. Folders and files
    whose real path is in `skip` (the output folder, the failures file), and
    folders holding this tool's outputs (a marker file), are not entered.
    """
    real_root = os.path.realpath(root)
    stats = stats or WalkStats()
    skip_files: dict[str, set[str]] = {}
    for s in skip:
        folder, name = os.path.split(s)
        skip_files.setdefault(folder, set()).add(name)

    def inside(path: str) -> bool:
        real = os.path.realpath(path)
        return real == real_root or real.startswith(real_root + os.sep)

    def visit(folder: str, prefix: str, ancestors: frozenset[str]) -> Iterator[Input]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield Input(folder, None, f"cannot list folder: {e.strerror}")
            return
        if prefix and any(e.name == MARKER for e in entries):
            return  # a folder of outputs
        left_out = skip_files.get(os.path.realpath(folder), ()) if skip_files else ()
        for entry in entries:
            path = entry.path
            rel = prefix + entry.name
            is_link = entry.is_symlink()
            if is_link and not follow_links and not inside(path):
                stats.links_skipped += 1
                continue  # outside the tree: left alone unless --follow-links
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in skip or globs.prunes(rel, entry.name):
                    continue
                if real in ancestors:
                    yield Input(path, None, "symbolic link loop")
                    continue
                yield from visit(path, rel + "/", ancestors | {real})
            elif entry.name not in left_out and globs.selects(rel, entry.name):
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
                yield Input(path, None)

    yield from visit(root, "", frozenset({real_root}))


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


class Sources:
    """Everything the user named as input, re-iterable: a first pass can look
    for outputs that would collide, or count the inputs for the progress bar."""

    def __init__(
        self,
        files: tuple[str, ...],
        *,
        recursive: bool = False,
        globs: Globs | None = None,
        follow_links: bool = False,
        lists: list[tuple[str, bytes]] | None = None,  # (path or "-", separator)
        mirror: bool = False,  # compute `Input.rel` for an output folder
        base: str | None = None,  # what output paths are relative to (default: cwd)
        skip: Collection[str] = (),  # real paths a walk leaves out
    ) -> None:
        self.files = files
        self.recursive = recursive
        self._globs = globs
        self.follow_links = follow_links
        self.lists = lists or []
        self.mirror = mirror
        self.base = base
        self.skip = frozenset(skip)
        self.stats = WalkStats()
        self.walked_any = False
        self._stdin_copy: IO[bytes] | None = None

    @property
    def globs(self) -> Globs:
        """The walk's patterns (imported when a walk asks: a one-liner never does)."""
        if self._globs is None:
            from .globs import Globs

            self._globs = Globs()
        return self._globs

    def _list_stream(self, path: str, sep: bytes) -> IO[bytes]:
        if path == "-":
            if self._stdin_copy is None:
                import sys

                self._stdin_copy = spool(sys.stdin.buffer)
            self._stdin_copy.seek(0)
            return _Borrowed(self._stdin_copy)  # type: ignore[return-value]
        try:
            return open(path, "rb")
        except OSError as e:
            flag = "--files-from" if sep == b"\n" else "--files0-from"
            raise BatchError(f"{flag} {path}: {e.strerror}") from None

    def is_walked(self, path: str) -> bool:
        if not self.recursive or path == "-":
            return False
        return is_url(path) or os.path.isdir(local(path))

    def _named(self, path: str) -> Input:
        if not self.mirror:
            return Input(path, None)
        try:
            return Input(path, relative_output(path, self.base))
        except ConvertError as e:
            return Input(path, None, e.reason)

    def __iter__(self) -> Iterator[Input]:
        self.stats = WalkStats()
        if self._globs is not None:
            self._globs.reset()
        for f in self.files:
            if not self.is_walked(f):
                yield self._named(f)
            elif is_url(f):
                self.walked_any = True
                for url, rel in walk_url(f, self.globs):
                    if self.base is not None:
                        yield self._named(url)
                    else:
                        yield Input(url, output_stem(rel) if self.mirror else None)
            else:
                self.walked_any = True
                for item in walk(
                    local(f), self.globs, self.follow_links, skip=self.skip, stats=self.stats
                ):
                    yield item if item.error else self._named(item.path)
        for path, sep in self.lists:
            with self._list_stream(path, sep) as s:
                for p in read_list(s, sep):
                    yield self._named(p)


class _Borrowed:
    """Standard input's spooled copy, lent to a `with` that must not close it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def read(self, n: int = -1) -> bytes:
        return self.stream.read(n)

    def __enter__(self) -> _Borrowed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
