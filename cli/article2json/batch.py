"""Convert files one by one, and in worker processes: the unit of work
(`convert_one`, `convert_chunk`) that local workers and a Dask cluster share,
and the bounded window of chunks in flight that both use.

Workers write their own output files (atomically), so that writing is
parallel too. `convert.convert_many` is the entry point that puts it together.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from types import FrameType
from typing import Any, Literal

from . import storage
from .api import parse, parse_json, to_json
from .errors import ConvertError
from .inputs import Input, path_bytes, printable_path
from .output import COMPARE, SKIP, WRITE, discard_pending
from .record import Record

Status = Literal["converted", "skipped", "failed"]
Format = Literal["json", "markdown", "text"]

# The output file's suffix for each format (`-o DIR`).
SUFFIXES: dict[str, str] = {"json": ".json", "markdown": ".md", "text": ".txt"}

CHUNK = 32  # files a worker converts per round trip
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep it busy


class Options(Record):
    """How to convert a batch. Workers receive it once, when they start."""

    parse_options: dict[str, Any] | None = None  # keyword arguments of `parse`
    pretty: bool = False
    out_dir: str | None = None  # one .json per input in this folder (or fsspec URL)
    out_file: str | None = None  # the one input's output file (instead of out_dir)
    overwrite: bool = False
    skip_existing: bool = False
    max_bytes: int | None = None
    jobs: int | None = None  # worker processes: None one per core for a batch, 0 one per core
    scheduler: str | None = None  # a Dask scheduler's address, or "local"
    base: str | None = None  # output paths are relative to it (default: current folder)
    forbidden: frozenset[tuple[int, int]] = frozenset()  # (device, inode) never read
    to: Format = "json"  # what is written: the JSON, or the article as Markdown or text
    with_boilerplate: bool = False  # Markdown and text: the boilerplate too, after the body

    @property
    def suffix(self) -> str:
        """The output files' suffix: `.json`, `.md` or `.txt`."""
        return SUFFIXES[self.to]


class Result(Record):
    path: str
    status: Status
    reason: str = ""
    data: bytes | None = None  # the output, when it goes to standard output


def convert_one(item: Input, opts: Options) -> Result:
    """Convert one input; every failure becomes a Result, never an exception."""
    if item.error:
        return Result(item.path, "failed", item.error)
    source = None if item.path == "-" else printable_path(item.path)
    try:
        out_path, todo = opts.out_file, WRITE
        if opts.out_dir is not None:
            out_path = storage.target(opts.out_dir, item.rel or "stdin", opts.suffix)
        if out_path is not None:
            todo = storage.check_target(
                item.location, out_path, overwrite=opts.overwrite, skip_existing=opts.skip_existing
            )
            if todo == SKIP:
                return Result(item.path, "skipped")
        raw = None if source is None else path_bytes(item.path)
        parse_options = opts.parse_options or {}
        # The bytes are passed on, not kept here, so that `parse` can free them early.
        if opts.to == "json" and not any(parse_options.get(k) for k in DICT_OPTIONS):
            # The JSON written as the article is read: memory within 6 times the input's size.
            # (keywords named, not `**`: a call with `**` keeps its arguments
            # alive until it returns, and the input could not be freed)
            out = parse_json(
                storage.read(item.location, opts.max_bytes, opts.forbidden),
                source=source,
                path_bytes=raw,
                pretty=opts.pretty,
                encoding=parse_options.get("encoding"),
                errors=parse_options.get("errors", "strict"),
                normalize=parse_options.get("normalize"),
            )
        else:
            article = parse(
                storage.read(item.location, opts.max_bytes, opts.forbidden),
                source=source,
                **parse_options,
            )
            out = _serialise(_with_path_bytes(article, raw), opts)
        if out_path is None:
            return Result(item.path, "converted", data=out)
        if todo == COMPARE:
            if not storage.same_content(out_path, out):
                raise ConvertError(f"output {out_path} exists (use --overwrite or --skip-existing)")
            return Result(item.path, "converted")  # already there, as this conversion gives it
        storage.write(out_path, out)
        return Result(item.path, "converted")
    except ConvertError as e:
        return Result(item.path, "failed", e.reason)
    except ImportError as e:
        if (opts.parse_options or {}).get("language"):
            raise  # py3langid missing or too old: no input can be converted (a usage error)
        return Result(item.path, "failed", f"internal error: {type(e).__name__}: {e}")
    except RecursionError:
        return Result(item.path, "failed", "internal error: too deeply nested")
    except MemoryError:
        return Result(item.path, "failed", "out of memory")
    except Exception as e:  # a bug of ours: report it on one line, go on with the rest
        return Result(item.path, "failed", f"internal error: {type(e).__name__}: {e}")


# Options that need the article's dict (`parse`): their output is not
# written as the article is read, and memory is not held to the bound.
DICT_OPTIONS = ("blocks", "explain", "language")


def _with_path_bytes(article: Any, raw: str | None) -> Any:
    """The article with `source.path_bytes` (a file name that is not UTF-8)."""
    if raw is not None:
        src = article["source"]
        article["source"] = {
            "path": src["path"],
            "path_bytes": raw,
            "bytes": src["bytes"],
            "sha256": src["sha256"],
            "encoding": src["encoding"],
        }
    return article


def _serialise(article: Any, opts: Options) -> bytes:
    if opts.to == "json":
        return to_json(article, pretty=opts.pretty, newline=True)
    from .render import render_markdown, render_text

    render = render_markdown if opts.to == "markdown" else render_text
    return render(article, with_boilerplate=opts.with_boilerplate).encode("utf-8")


def convert_chunk(chunk: list[Input], opts: Options) -> list[Result]:
    """Convert a chunk of inputs: the unit of work of local workers and of a
    Dask cluster alike."""
    return [convert_one(item, opts) for item in chunk]


def chunks(items: Iterable[Input], size: int = CHUNK) -> Iterator[list[Input]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def windowed(
    parts: Iterable[list[Input]],
    submit: Callable[[list[Input]], Callable[[], list[Result]]],
    window: int,
) -> Iterator[Result]:
    """Results of every chunk, in input order, with at most `window` chunks
    submitted and not yet collected: memory stays flat however many there
    are. `submit` starts a chunk and returns how to wait for its results."""
    pending: deque[Callable[[], list[Result]]] = deque()
    for chunk in parts:
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from pending.popleft()()
    while pending:
        yield from pending.popleft()()


def load_hashlib() -> None:
    """Loaded, hashlib makes `parse` hash with OpenSSL, several times faster
    than the built-in SHA-256 a one-liner uses to start sooner."""
    import hashlib  # noqa: F401


# --- local worker processes ---------------------------------------------------

_worker_options = Options()


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A worker stops at once, its temporary file removed. It raises nothing:
    an exception raised where the signal lands inside a finaliser (`__del__`,
    as the regex module's parser has) is printed and ignored, and the worker
    went on with a traceback on the user's terminal."""
    discard_pending()
    os._exit(128 + signum)


def _start_worker(opts: Options) -> None:
    global _worker_options
    _worker_options = opts
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C does
    signal.signal(signal.SIGTERM, _on_sigterm)


def _convert_chunk(chunk: list[Input]) -> list[Result]:
    return convert_chunk(chunk, _worker_options)


def in_processes(items: Iterable[Input], opts: Options, jobs: int) -> Iterator[Result]:
    """Convert `items` in `jobs` worker processes, in input order."""
    load_hashlib()
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ctx.Pool(jobs, initializer=_start_worker, initargs=(opts,))
    try:
        yield from windowed(
            chunks(items),
            lambda chunk: pool.apply_async(_convert_chunk, (chunk,)).get,
            jobs * IN_FLIGHT_PER_WORKER,
        )
    except BaseException:
        _stop(pool)
        raise
    pool.close()
    pool.join()


def _stop(pool: Any) -> None:
    """Stop the workers at once (Ctrl-C, a closed standard output): SIGTERM,
    and each worker removes its temporary file as it stops.

    Not `Pool.terminate()`: it SIGTERMs the workers and then joins its task
    thread, which may be waiting for a queue lock that a worker held when it
    stopped, and the command hangs (seen under load: `-j 2 | head -3` hung in
    1 run of 25). Here the workers are stopped and reaped, no new ones are
    started, and the pool's own shutdown at exit is cancelled; its threads
    are daemons and end with the process (this reaches into the pool's
    private `_worker_handler`, `_pool` and `_terminate`: checked on CPython
    3.11). A worker still running after
    STOP_GRACE seconds (blocked on such a lock itself) is killed; the
    temporary file it leaves is removed by `output.remove_stale_temps`."""
    from multiprocessing import pool as mp_pool

    pool._worker_handler._state = mp_pool.TERMINATE  # starts no new workers
    workers = list(pool._pool)
    for p in workers:
        p.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for p in workers:
        p.join(max(0.0, deadline - time.monotonic()))
    # A worker the handler started just before it stopped is stopped too.
    for p in [*workers, *(w for w in pool._pool if w not in workers)]:
        if p.is_alive():
            p.kill()
            p.join()
    pool._terminate.cancel()


# How long stopped workers get to remove their temporary files.
STOP_GRACE = 2.0


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1
