"""Run a batch on a Dask cluster (`--scheduler ADDRESS`, or `local` for a
LocalCluster on this machine).

The inputs are listed on the client and sent in chunks; each worker runs the
library's own `batch.convert_chunk` (no second implementation) and writes its
outputs itself, so the output folder must be one every worker sees (a shared
disk, or an fsspec URL). Results come back in input order. A chunk whose
worker dies is run again elsewhere by Dask; outputs are idempotent (an output
identical to the conversion is no conflict), so nothing is lost or doubled.
A chunk that still cannot run is reported file by file.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from .batch import Options, Result, chunks, convert_chunk, cores, windowed
from .inputs import Input

# Chunks in flight per worker: enough to keep each busy, few enough to keep
# the client's memory flat.
IN_FLIGHT_PER_WORKER = 4
# Files per task: larger than a local chunk, as a Dask task costs more to send.
CLUSTER_CHUNK = 128
# How often Dask re-runs a chunk whose worker died before giving up on it.
RETRIES = 3


class ClusterUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached."""


def connect(scheduler: str, workers: int | None) -> tuple[Any, Any]:
    """A Dask client, and the LocalCluster it runs on when `scheduler` is "local"."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterUnavailable(
            "--scheduler needs Dask: pip install 'article2json[dask]'"
        ) from None
    if scheduler == "local":
        # Ctrl-C reaches every process of the terminal's process group: the
        # workers start with SIGINT ignored (Python keeps a disposition it
        # inherits), so that only this process reacts, with one line.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            cluster = LocalCluster(
                n_workers=workers or cores(),
                threads_per_worker=1,
                processes=True,
                # A free port on this machine only: None still binds 8787,
                # and a second cluster (another run, a notebook) then printed
                # a warning; ":0" listens on every interface.
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.CRITICAL,
            )
            return Client(cluster), cluster
        finally:
            signal.signal(signal.SIGINT, previous)
    _probe(scheduler)
    try:
        return Client(scheduler, timeout=10), None
    except OSError as e:
        raise ClusterUnavailable(f"cannot reach the scheduler {scheduler}: {e}") from None


def _probe(scheduler: str) -> None:
    """Fail at once when nothing listens at a tcp:// address (Dask would
    retry until its time-out)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    if parts.scheme not in ("tcp", "") or not parts.hostname or not parts.port:
        return
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()
    except OSError as e:
        reason = e.strerror or str(e) or type(e).__name__
        raise ClusterUnavailable(f"cannot reach the scheduler {scheduler}: {reason}") from None


def _absolute(path: str | None) -> str | None:
    """A local path as workers elsewhere see it (they run in other folders)."""
    if path is None or path == "-" or "://" in path:
        return path
    return os.path.abspath(path)


def _located(items: Iterable[Input]) -> Iterator[Input]:
    for item in items:
        where = _absolute(item.path)
        yield item if where == item.path else item._replace(where=where)


def on_cluster(items: Iterable[Input], opts: Options) -> Iterator[Result]:
    """Convert `items` on the cluster `opts.scheduler` names, in input order.
    Relative paths are sent as absolute ones; outputs keep the paths as given."""
    items = _located(items)
    opts = opts._replace(out_dir=_absolute(opts.out_dir), out_file=_absolute(opts.out_file))
    workers = opts.jobs if opts.jobs and opts.jobs > 1 else None
    client, cluster = connect(opts.scheduler or "local", workers)
    interrupted = False
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(chunk: list[Input]) -> Any:
            future = client.submit(convert_chunk, chunk, opts, pure=False, retries=RETRIES)

            def wait() -> list[Result]:
                try:
                    results: list[Result] = future.result()
                except Exception as e:  # the chunk could not run (workers kept dying, ...)
                    reason = f"cluster: {type(e).__name__}: {e}".strip().rstrip(":")
                    return [Result(item.path, "failed", reason) for item in chunk]
                return results

            return wait

        yield from windowed(chunks(items, CLUSTER_CHUNK), submit, n_workers * IN_FLIGHT_PER_WORKER)
    except BaseException:
        interrupted = True
        raise
    finally:
        _close(client, cluster, interrupted)


def _close(client: Any, cluster: Any, interrupted: bool) -> None:
    """Close the client and a LocalCluster; after an interruption, quietly:
    the workers' complaints about tasks cut short are no news to the user."""
    if interrupted:
        for name in ("distributed", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    try:
        client.close()
        if cluster is not None:
            cluster.close()
    except Exception:
        if not interrupted:
            raise
