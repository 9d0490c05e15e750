"""Runs of the installed command, forked from an interpreter that has already
started, so that the suite does not pay the start-up of each run.

Each run of the command spends about 0.1 s starting Python and importing click,
orjson, regex and the package before it reads a byte; 170 runs cost 27 s of
the suite's 67 (serial). Here one server per test process starts the
interpreter once, imports what the console script imports, warms the model
with one conversion (outputs do not depend on it: a cache holds only what a
pure function returned), and forks a child for each run. The child takes the run's arguments, folder,
standard streams and exit status as a fresh process would, then executes the
installed console script itself (`runpy`), so that `sys.exit`, the flush of
standard output and the interpreter's exit are the real ones.

What a fork cannot give is a fresh interpreter's start-up: the environment
(`PYTHONIOENCODING`, `LANG`...) is read when the server starts. Runs that set
their own environment therefore go through a real process (`helpers.run`), and
so does every run when `A2J_TEST_EXEC=1`, which CI sets for a second pass of
the command's tests.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

# The server: stdin carries one JSON request a line, stdout one reply a line
# (the child's pid, then its wait status).
_SERVER = r"""
import os, sys
import orjson
import article2json.cli  # what the console script imports, ahead of every run
import article2json, article2json.convert

# Warm: the model, the patterns and the modules a conversion loads lazily.
article2json.parse("Title\n\nA first paragraph, with a sentence.\n")

requests = os.fdopen(int(sys.argv[1]), "rb", buffering=0)
replies = os.fdopen(int(sys.argv[2]), "wb", buffering=0)
while True:
    chunk = requests.readline()
    if not chunk:
        os._exit(0)
    job = orjson.loads(chunk)
    pid = os.fork()
    if pid == 0:
        requests.close()
        replies.close()
        os.chdir(job["cwd"])
        for fd, name in enumerate(job["streams"]):  # stdin, stdout, stderr
            f = os.open(name, os.O_RDONLY if fd == 0 else os.O_WRONLY)
            os.dup2(f, fd)
            os.close(f)
        sys.argv = [job["command"], *job["args"]]
        sys.path[0] = os.path.dirname(job["command"])  # as for the script run itself
        import atexit, runpy
        try:
            runpy.run_path(job["command"], run_name="__main__")
            code = 0
        except SystemExit as stop:  # what the interpreter does with it
            code = stop.code
            if code is None:
                code = 0
            elif not isinstance(code, int):
                print(code, file=sys.stderr)
                code = 1
        except BaseException:
            sys.excepthook(*sys.exc_info())
            code = 1
        # The interpreter's exit, without freeing every object of a process
        # that imported the package (20-40 ms a run, the cost of the fork).
        if "threading" in sys.modules:
            sys.modules["threading"]._shutdown()  # waits for threads, as the exit does
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                if not stream.closed:  # (the interpreter skips a closed stream)
                    stream.flush()
            except Exception:
                code = 120  # as Python exits when flushing standard output fails
        os._exit(code & 0xFF)
    replies.write(b"%d\n" % pid)
    _, status = os.waitpid(pid, 0)
    replies.write(b"%d\n" % status)
"""


class _Server:
    """One warm interpreter that forks a run of the command on request."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        to_server_r, self._to_server = os.pipe()
        self._from_server, from_server_w = os.pipe()
        # The server's own errors (not the runs'), quoted if it dies.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(to_server_r), str(from_server_w)],
            pass_fds=(to_server_r, from_server_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            env=env,
        )
        os.close(to_server_r)
        os.close(from_server_w)
        self._replies = os.fdopen(self._from_server, "rb", buffering=0)
        self.command = command

    def alive(self) -> bool:
        return self._proc.poll() is None

    def close(self) -> None:
        """Stop the server."""
        if self._log.closed:
            return
        self._proc.kill()
        self._proc.wait()
        os.close(self._to_server)
        self._replies.close()
        self._log.close()

    def _reply(self, deadline: float | None) -> int:
        ready, _, _ = select.select([self._replies], [], [], deadline)
        if not ready:
            raise TimeoutError
        line = self._replies.readline()
        if not line:
            self._log.seek(0)
            tail = self._log.read()[-2000:].decode(errors="replace")
            raise RuntimeError(f"the run server died:\n{tail}")
        return int(line)

    def run(
        self,
        args: list[str],
        input: bytes | None,
        cwd: str | os.PathLike[str] | None,
        timeout: float,
    ) -> subprocess.CompletedProcess[bytes]:
        with tempfile.TemporaryDirectory(prefix="a2j-run-") as tmp:
            streams = [Path(tmp, n) for n in ("stdin", "stdout", "stderr")]
            streams[0].write_bytes(input or b"")
            streams[1].touch()
            streams[2].touch()
            job = {
                "command": self.command,
                "args": args,
                "cwd": str(cwd or os.getcwd()),
                "streams": [str(s) for s in streams],
            }
            os.write(self._to_server, orjson.dumps(job) + b"\n")
            # The two replies are read whole, or the server is stopped: a run
            # interrupted between them (a time-out, pytest-timeout, Ctrl-C)
            # would leave the next run reading this one's status as its pid.
            pid = 0
            try:
                pid = self._reply(10)
                status = self._reply(timeout)
            except BaseException as e:
                if pid > 0:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, 9)
                self.close()
                if isinstance(e, TimeoutError):
                    raise subprocess.TimeoutExpired([self.command, *args], timeout) from None
                raise
            out, err = streams[1].read_bytes(), streams[2].read_bytes()
        return subprocess.CompletedProcess(
            [self.command, *args], os.waitstatus_to_exitcode(status), out, err
        )


_server: _Server | None = None


def run_forked(
    command: str,
    args: list[str],
    env: dict[str, str],
    input: bytes | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed command with `args`, forked from a warm interpreter."""
    global _server
    if _server is None or not _server.alive() or _server.command != command:
        if _server is not None:
            _server.close()
        _server = _Server(command, env)
    return _server.run(args, input, cwd, timeout)
