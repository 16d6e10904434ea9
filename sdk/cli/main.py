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
        prog="aiosdm", description="Tools around the strongDM API (asyncio SDK)."
    )
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


def _register_unavailable(subparsers: Any, name: str, err: ModuleNotFoundError) -> None:
    reason = f"unavailable: needs the {err.name!r} package"
    command = name.replace("_", "-")
    # No option prefix: whatever options the real command takes land in "rest".
    parser = subparsers.add_parser(command, help=f"({reason})", add_help=False, prefix_chars="\0")
    parser.add_argument("rest", nargs="*")

    def handler(args: argparse.Namespace) -> int:
        print(f"aiosdm {command}: {reason} (pip install 'aiosdm[cli]')", file=sys.stderr)
        return 1

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
    status: int = handler(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
