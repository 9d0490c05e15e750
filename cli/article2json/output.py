"""Writing results: atomically, and never outside the output folder."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os

from .errors import ConvertError

TEMP_SUFFIX = ".a2j-tmp"
# Marks a folder that holds outputs of this tool: a walk (-r) never enters it,
# so that outputs are not converted again as articles on the next run.
MARKER = ".article2json"
MARKER_TEXT = b"This folder holds outputs of article2json; article2json -r does not enter it.\n"


def mark_output_folder(out_dir: str) -> None:
    """Create `out_dir` and its marker file (quietly: a folder that cannot be
    written is reported by the first output written into it)."""
    marker = os.path.join(out_dir, MARKER)
    if os.path.exists(marker):
        return
    with contextlib.suppress(OSError, ConvertError):
        os.makedirs(out_dir, exist_ok=True)
        write_atomic(marker, MARKER_TEXT)


def target(out_dir: str, rel: str, suffix: str = ".json") -> str:
    """The output path for `rel` (+ `suffix`), refused when it would land outside `out_dir`
    (through "..", an absolute path or a symbolic link inside the folder).

    The output file itself may be a link: the rename replaces the link, not
    what it points to, so only its folder needs resolving (once per folder).
    """
    real_dir = _realpath(out_dir)
    path = os.path.join(out_dir, rel + suffix)
    folder, name = os.path.split(path)
    real = os.path.join(_realpath(folder), name)
    if not real.startswith(real_dir + os.sep) or name in ("", ".", ".."):
        raise ConvertError(f"output {path} would be outside the output folder {out_dir}")
    return path


_real_folders: dict[str, str] = {}


def _realpath(folder: str) -> str:
    """`os.path.realpath`, remembered for folders that exist (a batch writes
    thousands of files into the same few folders)."""
    real = _real_folders.get(folder)
    if real is None:
        real = os.path.realpath(folder)
        if os.path.isdir(folder):
            if len(_real_folders) > 10_000:
                _real_folders.clear()
            _real_folders[folder] = real
    return real


# What to do about an output path, before converting.
WRITE, SKIP, COMPARE = "write", "skip", "compare"


def check_target(source: str, path: str, *, overwrite: bool, skip_existing: bool) -> str:
    """WRITE the output, SKIP the input, or COMPARE: the output exists and may
    be kept only if it is what the conversion gives (a re-run of a chunk, e.g.
    after a worker died, is not a conflict). Raises when it must not be written."""
    try:
        out_stat = os.stat(path)
    except FileNotFoundError:
        return WRITE
    except OSError as e:
        raise ConvertError(f"cannot write {path}: {e.strerror}") from None
    if source != "-" and os.path.samefile(source, path):
        raise ConvertError(f"output {path} is the input itself")
    if skip_existing:
        try:
            in_mtime = os.stat(source).st_mtime_ns
        except OSError:
            return WRITE
        # Replace only outputs older than their input.
        return WRITE if out_stat.st_mtime_ns < in_mtime else SKIP
    return WRITE if overwrite else COMPARE


def same_content(path: str, data: bytes) -> bool:
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except OSError:
        return False


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a
    rename, so that a reader, or an interrupted run, never sees half a file.

    The temporary file's name is chosen, and kept in `_pending`, before it
    is created, so that an interruption at any point can remove it: an
    exception unwinds through here, and a worker's SIGTERM handler calls
    `discard_pending`.
    """
    global _pending
    folder = os.path.dirname(path) or "."
    base = os.path.basename(path)
    tmp: str | None = None
    try:
        if folder not in _made_folders:
            os.makedirs(folder, exist_ok=True)
            if len(_made_folders) > 10_000:
                _made_folders.clear()
            _made_folders.add(folder)
        while True:
            tmp = _pending = temp_name(folder, base)
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                break
            except FileExistsError:  # left by an earlier process with our pid
                continue
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _pending = None
    except BaseException as e:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _pending = None
        if isinstance(e, OSError):
            raise ConvertError(f"cannot write {path}: {e.strerror}") from None
        raise


# The temporary file `write_atomic` is writing, if any.
_pending: str | None = None


def discard_pending() -> None:
    """Remove the temporary file being written, if any (from a signal
    handler: the name may already be renamed or not yet created)."""
    tmp = _pending
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def temp_name(folder: str, base: str) -> str:
    """A temporary file's name for `base` in `folder`, unique to this process."""
    return os.path.join(folder, f".{base}.{_owner()}.{next(_serial)}{TEMP_SUFFIX}")


def _owner() -> str:
    """Who writes a temporary file: host and process, so that one left by a
    killed process can be told from one still being written."""
    return _owner_of(os.getpid())


@functools.cache
def _owner_of(pid: int) -> str:
    """Per process, computed once (a forked worker asks with its own pid)."""
    return f"{_host()}.{pid}"


def _host() -> str:
    return os.uname().nodename.replace(".", "_") or "host"


def remove_stale_temps(out_dir: str) -> int:
    """Remove the temporary files that processes of this host killed with no
    chance to clean up (SIGKILL, a crash of the machine's OOM killer) left in
    `out_dir`; temporary files of live processes and of other hosts are kept.
    Returns how many were removed."""
    host = _host()
    removed = 0
    for folder, _, names in os.walk(out_dir):
        for name in names:
            if not name.endswith(TEMP_SUFFIX):
                continue
            parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 3)
            if len(parts) != 4 or parts[1] != host or not parts[2].isdigit():
                continue
            try:
                os.kill(int(parts[2]), 0)
                continue  # its writer is alive
            except ProcessLookupError:
                pass
            except PermissionError:
                continue  # alive, another user's
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


# Numbers the temporary files of this process (the tempfile module would cost
# a one-liner several milliseconds to import).
_serial = itertools.count()
_made_folders: set[str] = set()
