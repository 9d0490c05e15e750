"""The `article2json` command: a thin loop over `convert.convert_many`.

It parses options (`plan.py` checks them), finds the inputs, and writes
results and reports (`report.py`). Only click is imported at start-up;
`regex` and `orjson` are loaded when there is text to convert, so
`--version` and `--help` stay fast.
"""

# ruff: noqa: E402  (the collector is tuned before the other imports)
from __future__ import annotations

import gc

# Speed (start-up): the command allocates many objects and frees few in
# cycles, so the cyclic collector's young generation is collected less
# often. Set before click and the parser's modules are imported: callgrind,
# `article2json seed`, 298.7 M instructions against 303.3 M (1.5%).
gc.set_threshold(10_000, 10, 10)

import contextlib
import os
import signal
import sys
import time
from types import FrameType
from typing import Any, NoReturn

import click

from . import __version__

EXIT_FAILED = 1  # at least one input could not be converted
EXIT_USAGE = 2
EXIT_FATAL = 3  # the batch stopped: an input list, the failures file, stdout
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # stdout closed early, like a program killed by SIGPIPE
EXIT_TERMINATED = 143  # SIGTERM

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

EPILOG = """\b
Examples:
  article2json story.txt | jq -r .title
  cat story.txt | article2json - | jq '.sections[].heading'
  article2json --blocks --explain story.txt | jq '.blocks[] | [.kind, .rule]'
  article2json a.txt b.txt > articles.jsonl
  article2json --to markdown story.txt > story.md
  article2json --language story.txt | jq -r .stats.language
  article2json -r corpus -o json --skip-existing --failures failed.jsonl
  find corpus -name '*.txt' -print0 | article2json --files0-from - > all.jsonl

\b
Output paths: -o DIR writes each input to DIR/ + its path relative to the
current folder (or --base), .txt replaced by .json (.md with --to markdown,
.txt with --to text): corpus/a/b.txt -> DIR/corpus/a/b.json, whatever the
other inputs.

\b
Exit codes: 0 success; 1 an input could not be converted (each failure is
one line on stderr: "article2json: PATH: reason"; the other inputs are still
converted); 2 usage error; 3 the batch stopped (an input list unreadable,
--failures unwritable, standard output full); 130 interrupted;
141 stdout closed early (e.g. by `head`); 143 terminated.
"""


class Terminated(BaseException):
    """SIGTERM, raised in the main process so that it unwinds like Ctrl-C."""


class _Sigterm:
    """Whether a SIGTERM came. Its exception can be lost: where the signal
    lands inside a finaliser (`__del__`, as the regex module's parser has),
    Python prints it and goes on; the batch loop and the exit check this."""

    seen = False


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    _Sigterm.seen = True
    raise Terminated


def _broken_pipe() -> NoReturn:
    # Python would complain when flushing stdout at exit; point it at devnull.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--to",
    type=click.Choice(["json", "markdown", "text"]),
    default="json",
    show_default=True,
    help="Write the article as JSON, Markdown or plain text (JSON Lines stay JSON).",
)
@click.option(
    "--with-boilerplate",
    is_flag=True,
    help="With --to markdown or text, the boilerplate too, after the body.",
)
@click.option(
    "--language",
    is_flag=True,
    help="Add stats.language and stats.language_score; needs article2json[lang].",
)
@click.option("-p", "--pretty", is_flag=True, help="Indent the JSON (one input, or -o).")
@click.option("--jsonl", is_flag=True, help="JSON Lines output, even for one input.")
@click.option("--blocks", "with_blocks", is_flag=True, help="List every block with its span.")
@click.option("--explain", is_flag=True, help="With the blocks, name the rule behind each kind.")
@click.option("--schema", is_flag=True, help="Print the output's JSON Schema and exit.")
@click.option(
    "--encoding",
    metavar="NAME",
    help="Input encoding, or auto to detect it (default: UTF-8; a byte-order mark wins).",
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
    "-g",
    "--glob",
    "globs",
    metavar="GLOB",
    multiple=True,
    help="With -r, files to convert (default *.txt); a name or a path (en/*.txt); "
    "!GLOB excludes; repeatable, the last match wins.",
)
@click.option("--files-from", metavar="FILE", help="Input paths, one a line (- for stdin).")
@click.option(
    "--files0-from",
    metavar="FILE",
    help="NUL-separated input paths, as `find -print0` writes (- for stdin).",
)
@click.option(
    "--follow-links", is_flag=True, help="With -r, follow symbolic links leading outside too."
)
@click.option(
    "-o",
    "--output-dir",
    "output",
    metavar="DIR",
    help="Write one .json (.md, .txt) per input into DIR (see Output paths); "
    "-o FILE.json (FILE.md, FILE.txt) for one input.",
)
@click.option(
    "--base",
    metavar="DIR",
    help="With -o, output paths are relative to DIR (default: the current folder).",
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
    type=click.IntRange(min=0),
    help="Worker processes; 0: one per core (default: one per core for a batch).",
)
@click.option(
    "--failures",
    "failures_path",
    metavar="FILE",
    help="Also write the failed inputs, with their reasons, to FILE as JSON Lines.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@click.option(
    "-v", "--verbose", is_flag=True, help="The summary even when stderr is not a terminal."
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the batch on a Dask cluster (tcp://host:8786), or `local` for one on "
    "this machine; needs article2json[dask].",
)
@click.version_option(__version__, "-V", "--version", prog_name="article2json")
def command(**kw: Any) -> None:
    """Convert plain-text articles (FILE..., or - for standard input) to JSON.

    One input gives one JSON document on stdout (or, with --to, the article
    as Markdown or text). Several inputs, folders with -r, lists of paths, or
    --jsonl give JSON Lines, one article per line, in input order; with -o
    each article goes to its own .json (.md, .txt) file instead.
    """
    from .plan import Args

    a = Args(**kw)
    if a.schema:
        from .schema import schema_bytes

        sys.stdout.buffer.write(schema_bytes())
        return
    failed = _batch(a)
    if failed:
        sys.exit(EXIT_FAILED)


def _batch(a: Any) -> int:
    """Run the batch the command line describes; the number of failures."""
    from . import plan
    from .convert import Options, convert_many
    from .errors import BatchError
    from .inputs import Sources
    from .report import FailureLog, Progress, one_line, say

    plan.check(a)
    for warning in plan.warnings(a):
        say(f"warning: {warning}")
    sources = Sources(
        a.files if (a.files or a.lists) else ("-",),
        recursive=a.recursive,
        globs=_globs(a),
        follow_links=a.follow_links,
        lists=a.lists,
        mirror=a.out_dir is not None,
        base=a.base,
        skip=plan.skip_paths(a),
    )
    opts = Options(
        parse_options={
            "encoding": a.encoding,
            "errors": a.errors,
            "normalize": a.normalize,
            "blocks": a.with_blocks or a.explain,
            "explain": a.explain,
            "language": a.language and a.writes == "json",
        },
        pretty=a.pretty and not a.json_lines,
        to=a.writes,
        with_boilerplate=a.with_boilerplate,
        out_dir=a.out_dir,
        out_file=a.out_file,
        overwrite=a.overwrite,
        skip_existing=a.skip_existing,
        max_bytes=a.max_bytes,
        jobs=a.jobs if a.jobs is not None or a.many else 1,
        scheduler=a.scheduler,
        base=a.base,
        forbidden=plan.forbidden(a),
    )
    terminal = sys.stderr.isatty()
    progress = Progress(sum(1 for _ in sources)) if a.many and terminal and not a.quiet else None
    failures = FailureLog(a.failures_path) if a.failures_path else None
    counts = {"converted": 0, "skipped": 0, "failed": 0}
    out = sys.stdout.buffer
    started = time.monotonic()
    try:
        with contextlib.closing(convert_many(sources, opts)) as results:
            for r in results:
                if _Sigterm.seen:  # its exception was swallowed: stop here
                    raise Terminated
                counts[r.status] += 1
                if r.data is not None:
                    _write(out, r.data)
                if r.status == "failed":
                    if progress:
                        progress.clear()
                    say(f"{one_line(r.path)}: {r.reason}")
                    if failures:
                        failures.add(r.path, r.reason)
                if progress:
                    progress.step()
        _write(out, b"", flush=True)
    except BrokenPipeError:
        _broken_pipe()  # here, before click turns it into exit status 1
    except ImportError as e:  # Dask missing or the scheduler unreachable
        raise plan.Usage(str(e)) from None
    finally:
        if progress:
            progress.clear()
        if failures:
            failures.close()
        if a.out_dir is not None and os.path.isdir(a.out_dir):
            from .output import remove_stale_temps

            remove_stale_temps(a.out_dir)  # left by workers that were killed
    if sources.walked_any:
        if sources.stats.links_skipped:
            n = sources.stats.links_skipped
            say(
                f"{n} symbolic link{'s' if n > 1 else ''} leading outside the folders walked "
                f"{'were' if n > 1 else 'was'} skipped (--follow-links follows them)"
            )
        for g in sources.globs.unmatched():
            say(f"--glob {g!r} matched no file" if a.globs else f"-r: no file matches {g!r}")
    if a.many and not a.quiet and (terminal or a.verbose):
        took = time.monotonic() - started
        say(
            f"{counts['converted']} converted, {counts['skipped']} skipped, "
            f"{counts['failed']} failed in {took:.1f}s"
        )
    _ = BatchError
    return counts["failed"]


def _globs(a: Any) -> Any:
    """The --glob patterns of a walk; None without one (a one-liner does not
    import them)."""
    if not (a.recursive or a.globs):
        return None
    from .globs import Globs

    return Globs(a.globs)


def _write(out: Any, data: bytes, flush: bool = False) -> None:
    from .errors import BatchError

    try:
        out.write(data)
        if flush:
            out.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise BatchError(f"standard output: {e.strerror}") from None


def main() -> None:
    from .errors import BatchError

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        command.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        sys.exit(EXIT_TERMINATED)
    except click.UsageError as e:
        _usage(e.format_message())
    except click.ClickException as e:
        _say(e.format_message())
        sys.exit(EXIT_FAILED)
    except BatchError as e:
        _say(e.reason)
        sys.exit(EXIT_FATAL)
    except BrokenPipeError:
        _broken_pipe()
    except OSError as e:
        _say(f"{e.filename or 'error'}: {e.strerror}")
        sys.exit(EXIT_FATAL)
    except Exception as e:
        if type(e).__name__ != "Usage" and type(e).__name__ != "ClusterUnavailable":
            raise
        _usage(str(e))
    if _Sigterm.seen:
        sys.exit(EXIT_TERMINATED)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()
    except OSError as e:
        _say(f"standard output: {e.strerror}")
        sys.exit(EXIT_FATAL)


def _say(message: str) -> None:
    sys.stderr.write(f"article2json: {' '.join(message.split())}\n")


def _usage(message: str) -> NoReturn:
    message = message[:1].lower() + message[1:]
    _say(f"{message} (see article2json --help)")
    sys.exit(EXIT_USAGE)
