"""The `article2json` command: a thin shell over `article2json.parse`.

It parses options, finds the inputs, hands them to the core (through
`batch.run`) and writes results. Only click is imported at start-up; `regex`
and `orjson` are loaded when there is text to convert, so `--version` and
`--help` stay fast.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from . import __version__

if TYPE_CHECKING:
    from .batch import Result

EXIT_FAILED = 1  # at least one input could not be converted
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # stdout closed early, like a program killed by SIGPIPE
EXIT_TERMINATED = 143  # SIGTERM

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# With more inputs than this, the default is one worker per core.
PARALLEL_FROM = 8

EPILOG = """\b
Examples:
  article2json story.txt | jq -r .title
  cat story.txt | article2json - | jq '.sections[].heading'
  article2json --blocks --explain story.txt | jq '.blocks[] | [.kind, .rule]'
  article2json a.txt b.txt > articles.jsonl
  article2json -r corpus/ -o json/ --skip-existing --failures failed.jsonl
  find corpus -name '*.txt' -print0 | article2json --files0-from - > all.jsonl

\b
Exit codes: 0 success; 1 an input could not be converted (each failure is
one line on stderr: "article2json: PATH: reason"; the other inputs are still
converted); 2 usage error; 130 interrupted; 141 stdout closed early
(e.g. by `head`); 143 terminated.
"""


class Terminated(BaseException):
    """SIGTERM, raised in the main process so that it unwinds like Ctrl-C."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _broken_pipe() -> NoReturn:
    # Python would complain when flushing stdout at exit; point it at devnull.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _printable(path: str) -> str:
    """A path as one line of text, whatever bytes or line breaks it holds."""
    from .batch import printable_path

    return printable_path(path).replace("\n", "\\n").replace("\r", "\\r")


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


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-p", "--pretty", is_flag=True, help="Indent the JSON (one input, or -o).")
@click.option("--jsonl", is_flag=True, help="JSON Lines output, even for one input.")
@click.option("--blocks", "with_blocks", is_flag=True, help="List every block with its span.")
@click.option("--explain", is_flag=True, help="With the blocks, name the rule behind each kind.")
@click.option("--schema", is_flag=True, help="Print the output's JSON Schema and exit.")
@click.option(
    "--encoding",
    metavar="NAME",
    default=None,
    help="Input encoding (default: UTF-8; a byte-order mark is honoured).",
)
@click.option(
    "--errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="What to do with bytes that are not valid in the encoding.",
)
@click.option(
    "--normalize",
    type=click.Choice(["nfc", "nfkc"]),
    default=None,
    help="Unicode normalization (default: none; output keeps the source's characters).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this many bytes.",
)
@click.option("-r", "--recursive", is_flag=True, help="Convert the files in folders given.")
@click.option(
    "--glob",
    "pattern",
    default="*.txt",
    show_default=True,
    help="With -r, the file names to convert.",
)
@click.option(
    "--files-from",
    metavar="FILE",
    help="Read input paths from FILE, one a line (- for stdin).",
)
@click.option(
    "--files0-from",
    metavar="FILE",
    help="Read NUL-separated input paths from FILE, as `find -print0` writes (- for stdin).",
)
@click.option(
    "--follow-links",
    is_flag=True,
    help="With -r, follow symbolic links that lead outside the folder too.",
)
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    help="Write one .json per input into DIR, mirroring the input paths.",
)
@click.option("--overwrite", is_flag=True, help="With -o, replace existing outputs.")
@click.option(
    "--skip-existing",
    is_flag=True,
    help="With -o, skip inputs whose output is at least as new as the input.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core for more than a handful of inputs).",
)
@click.option(
    "--failures",
    "failures_path",
    metavar="FILE",
    help="Also write the failed inputs, with their reasons, to FILE as JSON Lines.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the batch on a Dask cluster (tcp://host:8786), or `local` for one on "
    "this machine; needs article2json[dask].",
)
@click.version_option(__version__, "-V", "--version", prog_name="article2json")
def command(
    files: tuple[str, ...],
    pretty: bool,
    jsonl: bool,
    with_blocks: bool,
    explain: bool,
    schema: bool,
    encoding: str | None,
    errors: str,
    normalize: str | None,
    max_bytes: int,
    recursive: bool,
    pattern: str,
    files_from: str | None,
    files0_from: str | None,
    follow_links: bool,
    output_dir: str | None,
    overwrite: bool,
    skip_existing: bool,
    jobs: int | None,
    failures_path: str | None,
    quiet: bool,
    scheduler: str | None,
) -> None:
    """Convert plain-text articles (FILE..., or - for standard input) to JSON.

    One input gives one JSON document on stdout. Several inputs, folders with
    -r, lists of paths, or --jsonl give JSON Lines, one article per line, in
    input order; with -o each article goes to its own .json file instead.
    """
    out = sys.stdout.buffer
    if schema:
        from .schema import schema_bytes

        out.write(schema_bytes())
        return
    _check_usage(files, encoding, files_from, files0_from, output_dir, overwrite, skip_existing)

    from . import batch
    from .inputs import Sources

    lists = [(p, b"\n") for p in [files_from] if p] + [(p, b"\0") for p in [files0_from] if p]
    sources = Sources(
        files if (files or lists) else ("-",),
        recursive=recursive,
        pattern=pattern,
        follow_links=follow_links,
        lists=lists,
        mirror=output_dir is not None,
    )
    many = (
        bool(lists)
        or recursive
        or len(sources.files) > 1
        or output_dir is not None
        or bool(scheduler)
    )
    opts = batch.Options(
        parse_options={
            "encoding": encoding,
            "errors": errors,
            "normalize": normalize,
            "blocks": with_blocks or explain,
            "explain": explain,
        },
        pretty=pretty and (output_dir is not None or not (many or jsonl)),
        out_dir=output_dir,
        overwrite=overwrite,
        skip_existing=skip_existing,
        max_bytes=max_bytes,
    )
    show_progress = many and not quiet and sys.stderr.isatty()
    total = sum(1 for _ in sources) if show_progress else None
    if jobs is None:
        jobs = _default_jobs(sources) if many else 1
    progress = Progress(total) if show_progress else None
    counts = {"converted": 0, "skipped": 0, "failed": 0}
    failures: IO[bytes] | None = open(failures_path, "wb") if failures_path else None  # noqa: SIM115
    started = time.monotonic()

    def on_result(r: Result) -> None:
        counts[r.status] += 1
        if r.data is not None:
            out.write(r.data)
        if r.status == "failed":
            if progress:
                progress.clear()
            click.echo(f"article2json: {_printable(_display(r.path))}: {r.reason}", err=True)
            if failures:
                import orjson

                from .batch import printable_path

                failures.write(
                    orjson.dumps({"path": printable_path(r.path), "reason": r.reason}) + b"\n"
                )
                failures.flush()
        if progress:
            progress.step()

    try:
        if scheduler:
            from . import cluster

            try:
                cluster.run(
                    sources, opts, scheduler, jobs if jobs and jobs > 1 else None, on_result
                )
            except cluster.ClusterUnavailable as e:
                raise click.UsageError(str(e)) from None
        else:
            batch.run(sources, opts, jobs, on_result)
        out.flush()
        if output_dir is not None and os.path.isdir(output_dir):
            from .output import remove_stale_temps

            remove_stale_temps(output_dir)  # left by workers that were killed
    except BrokenPipeError:
        _broken_pipe()  # here, before click turns it into exit status 1
    finally:
        if failures:
            failures.close()
        if progress:
            progress.clear()
    if many and not quiet:
        took = time.monotonic() - started
        click.echo(
            f"article2json: {counts['converted']} converted, {counts['skipped']} skipped, "
            f"{counts['failed']} failed in {took:.1f}s",
            err=True,
        )
    if counts["failed"]:
        sys.exit(EXIT_FAILED)


def _check_usage(
    files: tuple[str, ...],
    encoding: str | None,
    files_from: str | None,
    files0_from: str | None,
    output_dir: str | None,
    overwrite: bool,
    skip_existing: bool,
) -> None:
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(
                f"unknown encoding {encoding!r}", param_hint="--encoding"
            ) from None
    stdin_uses = files.count("-") + [files_from, files0_from].count("-")
    if stdin_uses > 1:
        raise click.UsageError("standard input (-) can be read only once")
    if overwrite and skip_existing:
        raise click.UsageError("--overwrite and --skip-existing exclude each other")
    if (overwrite or skip_existing) and output_dir is None:
        raise click.UsageError("--overwrite and --skip-existing go with -o/--output-dir")
    if output_dir is not None and os.path.exists(output_dir) and not os.path.isdir(output_dir):
        raise click.BadParameter(f"{output_dir} is not a folder", param_hint="-o/--output-dir")


def _default_jobs(sources: Any) -> int:
    """One worker per core, unless there are only a handful of inputs."""
    from itertools import islice

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if not cores or cores < 2:
        return 1
    if sum(1 for _ in islice(iter(sources), PARALLEL_FROM + 1)) <= PARALLEL_FROM:
        return 1
    return cores


def main() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        command.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        sys.exit(EXIT_TERMINATED)
    except click.ClickException as e:
        e.show()
        sys.exit(EXIT_USAGE if isinstance(e, click.UsageError) else EXIT_FAILED)
    except BrokenPipeError:
        _broken_pipe()
    except OSError as e:
        click.echo(f"article2json: {e.filename or ''}: {e.strerror}", err=True)
        sys.exit(EXIT_FAILED)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()
