"""`convert_many`: the one entry point for a batch, shared by the command,
the Dask runner and library users.

    from article2json.convert import Options, convert_many

    for r in convert_many(["a.txt", "b.txt"], Options(out_dir="json")):
        print(r.path, r.status, r.reason)

Results come in input order, as they are ready, never collected whole. With
an output folder, inputs whose outputs would collide (two inputs, one
output; an output that is another input) all fail before any is written.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator
from itertools import chain, islice

from .batch import Options, Result, convert_one, cores, in_processes, load_hashlib
from .inputs import Input, relative_output
from .output import mark_output_folder
from .storage import is_url, local

__all__ = ["Input", "Options", "Result", "convert_many", "find_collisions"]

# With more inputs than this, the default is one worker per core.
PARALLEL_FROM = 8


def convert_many(
    inputs: Iterable[Input | str], options: Options | None = None
) -> Generator[Result, None, None]:
    """Convert every input (a path, "-", a URL, or an `Input`), yielding one
    `Result` per input, in input order. Failures are results, not exceptions.

    A list, or any iterable that can be iterated twice (such as
    `inputs.Sources`), is checked for colliding outputs before the first is
    written; from a one-pass iterator, an input whose output an earlier one
    already took fails instead.
    """
    options = options or Options()
    items = _Inputs(inputs, options)
    guarded: Iterable[Input] = items
    if options.out_dir is not None:
        guarded = _guard(items, options.out_dir, options.suffix)
        if not is_url(options.out_dir):
            mark_output_folder(local(options.out_dir))
    return _run(guarded, options)


def _run(items: Iterable[Input], options: Options) -> Generator[Result, None, None]:
    it = iter(items)
    jobs = options.jobs
    if options.scheduler:
        from .cluster import on_cluster

        yield from on_cluster(it, options)
        return
    if jobs is None:
        head = list(islice(it, PARALLEL_FROM + 1))
        jobs = cores() if len(head) > PARALLEL_FROM else 1
        it = chain(head, it)
    elif jobs == 0:
        jobs = cores()
    if jobs > 1:
        yield from in_processes(it, options, jobs)
        return
    for n, item in enumerate(it):
        if n == 1:
            load_hashlib()  # a second input: this is a batch, it amortises the import
        yield convert_one(item, options)


class _Inputs:
    """Paths turned into `Input`s (their output path by the path rule),
    re-iterable when what it wraps is."""

    def __init__(self, inputs: Iterable[Input | str], options: Options) -> None:
        self.inputs = inputs
        self.mirror = options.out_dir is not None
        self.base = options.base
        self.reiterable = iter(inputs) is not inputs

    def __iter__(self) -> Iterator[Input]:
        for x in self.inputs:
            if isinstance(x, Input):
                yield x
            elif not self.mirror:
                yield Input(x, None)
            else:
                try:
                    yield Input(x, relative_output(x, self.base))
                except Exception as e:  # ConvertError: outside the base folder
                    yield Input(x, None, getattr(e, "reason", str(e)))


def _guard(items: _Inputs, out_dir: str, suffix: str) -> Iterator[Input]:
    """`items`, with those whose outputs collide turned into failures."""
    if items.reiterable:
        clashes = find_collisions(items, out_dir, suffix)
        for item in items:
            reason = clashes.get(item.path) if clashes else None
            yield item._replace(error=reason) if reason and not item.error else item
        return
    taken: dict[str, str] = {}
    for item in items:
        if item.rel is not None and not item.error:
            first = taken.get(item.rel)
            if first is None:
                taken[item.rel] = item.path
            else:
                target = os.path.join(out_dir, item.rel + suffix)
                item = item._replace(error=f"output {target} is already the output of {first}")
        yield item


# The first pass: a Bloom filter of the outputs' keys (8 MB, whatever the
# number of inputs), then the exact keys of the few inputs that may collide.
_BITS = 1 << 26
_MASK = _BITS - 1


def _keys(item: Input, out_real: str | None, suffix: str) -> Iterator[tuple[str, str]]:
    """("out", key) for the output an input takes; ("in", key) for an input
    that lies in the output folder where an output named key would be."""
    if item.rel is not None and not item.error:
        yield "out", item.rel
    if out_real is not None and item.path != "-" and item.path.endswith(suffix):
        real = os.path.abspath(item.path)
        if real.startswith(out_real + os.sep):
            yield "in", os.path.relpath(real, out_real)[: -len(suffix)]


def find_collisions(items: Iterable[Input], out_dir: str, suffix: str = ".json") -> dict[str, str]:
    """{input path: reason} for every input whose output (`rel` + `suffix`)
    would also be another input's output, or would replace another input
    (itself included: `--to text -o .` of `a.txt`). Two passes over `items`,
    in flat memory."""
    out_real = None if is_url(out_dir) else os.path.abspath(local(out_dir))
    bits = bytearray(_BITS // 8)
    maybe: set[int] = set()
    for item in items:
        for _, key in _keys(item, out_real, suffix):
            h = hash(key)
            a, b = h & _MASK, (h >> 26) & _MASK
            if bits[a >> 3] & (1 << (a & 7)) and bits[b >> 3] & (1 << (b & 7)):
                maybe.add(h)
            bits[a >> 3] |= 1 << (a & 7)
            bits[b >> 3] |= 1 << (b & 7)
    if not maybe:
        return {}
    groups: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        for kind, key in _keys(item, out_real, suffix):
            if hash(key) in maybe:
                groups.setdefault(key, []).append((kind, item.path))
    clashes: dict[str, str] = {}
    for key, group in groups.items():
        writers = [p for kind, p in group if kind == "out"]
        readers = [p for kind, p in group if kind == "in"]
        target = os.path.join(out_dir, key + suffix)
        for p in writers:
            others = [q for q in writers if q != p]
            if len(writers) > 1 and not others:
                clashes[p] = f"named more than once (its output {target} is written by none)"
            elif others:
                more = f" and {len(others) - 1} more" if len(others) > 1 else ""
                clashes[p] = (
                    f"output {target} is also the output of {others[0]}{more}: "
                    "neither is written (rename one, or give them separate folders)"
                )
            elif readers:
                clashes[p] = f"output {target} would replace the input {readers[0]}"
    return clashes
