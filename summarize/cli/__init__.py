"""The command line: parses options, reads inputs, calls the library, writes outputs.

Only this package knows about the terminal (typer, rich). `summarize --help` and argument errors
import nothing else of the package but its data model and registries; the commands import the
library when they run.
"""

from __future__ import annotations

import sys
import traceback

import typer

from ..errors import SummarizeError

# The command modules register their commands on `app`, in the order --help lists them.
from . import single  # noqa: F401

# isort: split
from . import folder  # noqa: F401

# isort: split
from . import evaluation, models  # noqa: F401
from .app import COMMANDS, app
from .ui import print_error


def _route(args: list[str]) -> list[str]:
    """`summarize FILE` and `cat FILE | summarize` mean `summarize run ...`."""
    if not args:
        return ["--help"] if sys.stdin.isatty() else ["run", "-"]
    if args[0] in COMMANDS or args[0] in {"--help", "-h", "--version"}:
        return ["--help"] if args[0] == "-h" else args
    return ["run", *args]


def _fail(message: str, code: int) -> int:
    print_error(message)
    return code


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns (and exits with) the exit code."""
    args = _route(list(sys.argv[1:] if argv is None else argv))
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="summarize", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if code == 130:  # typer turns Ctrl-C into exit code 130
            code = _fail("interrupted", 130)
    except SummarizeError as exc:
        if debug:
            traceback.print_exc()
        code = exc.exit_code if exc.reported else _fail(str(exc), exc.exit_code)
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = _fail("interrupted", 130)
    except typer.TyperException as exc:  # usage errors: unknown option, missing argument, ...
        formatter = getattr(exc, "format_message", None)
        message = " ".join(str(formatter() if callable(formatter) else exc).split())
        code = int(getattr(exc, "exit_code", 2))
        if message:  # a group given no command has printed its help: nothing to add
            code = _fail(message, code)
    except BrokenPipeError:
        code = 0
    except Exception as exc:
        if debug:
            traceback.print_exc()
        code = _fail(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", 1
        )
    if argv is None:
        sys.exit(code)
    return code
