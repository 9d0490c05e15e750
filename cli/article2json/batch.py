"""Convert many files: in worker processes, in order, with bounded memory.

Inputs are cut into chunks and at most a few chunks per worker are in flight
at once; results come back in input order and are handed to the caller as they
come, never collected whole. Workers write their own output files (atomically),
so that writing is parallel too.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from . import storage
from .api import parse, to_json
from .errors import ConvertError
from .inputs import Input
from .output import COMPARE, SKIP, WRITE

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

Status = Literal["converted", "skipped", "failed"]

CHUNK = 32  # files a worker converts per round trip
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy


class Options(NamedTuple):
    """What a worker needs to convert a file; sent once, when it starts."""

    parse_options: dict[str, Any] | None = None
    pretty: bool = False
    out_dir: str | None = None
    overwrite: bool = False
    skip_existing: bool = False
    max_bytes: int | None = None


class Result(NamedTuple):
    path: str
    status: Status
    reason: str = ""
    data: bytes | None = None  # the JSON, when it goes to standard output


def printable_path(path: str) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name become
    backslash escapes (`\\xff`), so that the JSON stays valid."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_input(path: str, max_bytes: int | None = None) -> bytes:
    """The bytes of one input, or ConvertError with a reason a person can act on."""
    try:
        if path == "-":
            data = (
                sys.stdin.buffer.read()
                if max_bytes is None
                else sys.stdin.buffer.read(max_bytes + 1)
            )
        else:
            data = _read_file(path, max_bytes)
    except FileNotFoundError:
        raise ConvertError(
            "dangling symbolic link" if os.path.islink(path) else "no such file"
        ) from None
    except IsADirectoryError:
        raise ConvertError("is a directory (use -r to convert the files in it)") from None
    except PermissionError:
        raise ConvertError("permission denied") from None
    except OSError as e:
        reason = "symbolic link loop" if e.errno == 40 else (e.strerror or str(e))
        raise ConvertError(reason) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise ConvertError(f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def _read_file(path: str, max_bytes: int | None) -> bytes:
    """The file's bytes (at most max_bytes + 1), read with plain system calls:
    a buffered file object would also ask whether it is a terminal and seek."""
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        limit = None if max_bytes is None else max_bytes + 1
        parts = []
        total = 0
        while limit is None or total < limit:
            want = max(size + 1 - total, 1 << 16)  # one read for a file that does not grow
            chunk = os.read(fd, want if limit is None else min(want, limit - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


def convert_one(item: Input, opts: Options) -> Result:
    """Convert one input; every failure becomes a Result, never an exception."""
    if item.error:
        return Result(item.path, "failed", item.error)
    source = None if item.path == "-" else printable_path(item.path)
    try:
        out_path, todo = None, WRITE
        if opts.out_dir is not None:
            out_path = storage.target(opts.out_dir, item.rel or "stdin")
            todo = storage.check_target(
                item.path, out_path, overwrite=opts.overwrite, skip_existing=opts.skip_existing
            )
            if todo == SKIP:
                return Result(item.path, "skipped")
        article = parse(
            storage.read(item.path, opts.max_bytes), source=source, **(opts.parse_options or {})
        )
        data = to_json(article, pretty=opts.pretty, newline=True)
        if out_path is None:
            return Result(item.path, "converted", data=data)
        if todo == COMPARE:
            if not storage.same_content(out_path, data):
                raise ConvertError(f"output {out_path} exists (use --overwrite or --skip-existing)")
            return Result(item.path, "converted")  # already there, as this conversion gives it
        storage.write(out_path, data)
        return Result(item.path, "converted")
    except ConvertError as e:
        return Result(item.path, "failed", e.reason)
    except RecursionError:
        return Result(item.path, "failed", "internal error: too deeply nested")
    except MemoryError:
        return Result(item.path, "failed", "out of memory")
    except Exception as e:  # a bug of ours: report it on one line, go on with the rest
        return Result(item.path, "failed", f"internal error: {type(e).__name__}: {e}")


# --- worker processes -------------------------------------------------------

_worker_options = Options()


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through write_atomic, which removes its temp file


def _start_worker(opts: Options) -> None:
    global _worker_options
    _worker_options = opts
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C does
    signal.signal(signal.SIGTERM, _on_sigterm)


def convert_chunk(chunk: list[Input], opts: Options) -> list[Result]:
    """Convert a chunk of inputs: the unit of work of local workers and of a
    Dask cluster alike."""
    return [convert_one(item, opts) for item in chunk]


def _convert_chunk(chunk: list[Input]) -> list[Result]:
    return convert_chunk(chunk, _worker_options)


def _load_hashlib() -> None:
    """Loaded, hashlib makes `parse` hash with OpenSSL, several times faster
    than the built-in SHA-256 a one-liner uses to start sooner."""
    import hashlib  # noqa: F401


def chunks(items: Iterable[Input], size: int = CHUNK) -> Iterator[list[Input]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run(
    items: Iterable[Input], opts: Options, jobs: int, on_result: Callable[[Result], None]
) -> None:
    """Convert `items`, calling `on_result` for each, in input order."""
    if jobs <= 1:
        for n, item in enumerate(items):
            if n == 1:
                _load_hashlib()  # a second input: this is a batch, it amortises the import
            on_result(convert_one(item, opts))
        return
    _load_hashlib()
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ctx.Pool(jobs, initializer=_start_worker, initargs=(opts,))
    pending: deque[AsyncResult[list[Result]]] = deque()
    try:
        window = jobs * IN_FLIGHT_PER_WORKER
        for chunk in chunks(items):
            pending.append(pool.apply_async(_convert_chunk, (chunk,)))
            while len(pending) >= window:
                for r in pending.popleft().get():
                    on_result(r)
        while pending:
            for r in pending.popleft().get():
                on_result(r)
        pool.close()
    except BaseException:
        pool.terminate()  # SIGTERM: each worker removes its temporary file as it stops
        raise
    finally:
        pool.join()
