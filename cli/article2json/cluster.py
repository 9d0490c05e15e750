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
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from .batch import Options, Result, chunks, convert_chunk
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
        n = workers or len(os.sched_getaffinity(0))
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=10), None
    except OSError as e:
        raise ClusterUnavailable(f"cannot reach the scheduler {scheduler}: {e}") from None


def run(
    items: Iterable[Input],
    opts: Options,
    scheduler: str,
    workers: int | None,
    on_result: Callable[[Result], None],
) -> None:
    """Convert `items` on the cluster, calling `on_result` for each, in input order."""
    client, cluster = connect(scheduler, workers)
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        window = n_workers * IN_FLIGHT_PER_WORKER
        pending: deque[tuple[list[Input], Any]] = deque()

        def settle() -> None:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except Exception as e:  # the chunk could not run (workers kept dying, ...)
                reason = f"cluster: {type(e).__name__}: {e}".strip().rstrip(":")
                results = [Result(item.path, "failed", reason) for item in chunk]
            for r in results:
                on_result(r)

        for chunk in chunks(items, CLUSTER_CHUNK):
            future = client.submit(convert_chunk, chunk, opts, pure=False, retries=RETRIES)
            pending.append((chunk, future))
            while len(pending) >= window:
                settle()
        while pending:
            settle()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
