"""The ``aiosdm`` command: a dispatcher over subcommands.

Each subcommand is a module of this package exposing
``register(subparsers) -> None``, which adds its parser and sets the
``handler`` default to a function ``(argparse.Namespace) -> int``. Modules are
found by listing the package, so adding a command means adding a module.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

import aiosdm.cli
from aiosdm._extras import install_hint
from aiosdm._version import __version__

__all__ = ["build_parser", "main"]

_NOT_COMMANDS = frozenset({"main"})


def _command_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(aiosdm.cli.__path__)
        if not info.name.startswith("_") and info.name not in _NOT_COMMANDS
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand module registered."""
    parser = argparse.ArgumentParser(
        prog="aiosdm",
        description="Tools around the strongDM API (asyncio SDK).",
        epilog="Exit status: 0 done, 1 partly done or unexpected failure, 2 bad arguments or "
        "configuration (including a missing extra), 3 the strongDM API refused or could not be "
        "reached, 4 another service (PagerDuty) refused or could not be reached, 130 "
        "interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"aiosdm {__version__}")
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="log level on stderr (default: WARNING)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _command_modules():
        try:
            module = importlib.import_module(f"aiosdm.cli.{name}")
        except ModuleNotFoundError as err:
            # An optional dependency is missing: keep every other command working.
            _register_unavailable(subparsers, name, err)
            continue
        register = getattr(module, "register", None)
        if callable(register):
            register(subparsers)
    return parser


# The extra that brings each optional package a command may import.
_EXTRA_OF = {"aiohttp": "cli", "rich": "cli", "aiobotocore": "aws"}


def _register_unavailable(subparsers: Any, name: str, err: ModuleNotFoundError) -> None:
    command = name.replace("_", "-")
    extra = getattr(err, "extra", None) or _EXTRA_OF.get((err.name or "").split(".")[0])
    if extra is None:
        message = f"aiosdm {command}: unavailable: {err}"
    else:
        message = (
            f"aiosdm {command}: unavailable: needs the {extra!r} extra "
            f"({err.name} is not installed): {install_hint(extra)}"
        )
    # No option prefix: whatever options the real command takes land in "rest".
    parser = subparsers.add_parser(
        command, help=f"(needs the {extra or '?'} extra)", add_help=False, prefix_chars="\0"
    )
    parser.add_argument("rest", nargs="*")

    def handler(args: argparse.Namespace) -> int:
        print(message, file=sys.stderr)
        return 2

    parser.set_defaults(handler=handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``aiosdm`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.error(f"command {args.command!r} has no handler")
    try:
        status: int = handler(args)
    except KeyboardInterrupt:
        print(f"aiosdm {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        # Commands report what they expect as one line; anything else is a bug, still one line
        # (the traceback goes to the log at DEBUG).
        logging.getLogger("aiosdm.cli").debug("unexpected failure", exc_info=True)
        print(
            f"aiosdm {args.command}: unexpected {type(err).__name__}: {err} "
            "(--log-level DEBUG shows the traceback)",
            file=sys.stderr,
        )
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
