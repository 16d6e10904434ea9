"""``python -m docs [--out DIR]``: the API reference of aiosdm's public modules, built by pdoc
from their docstrings (``build/docs`` by default; ``make docs``)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Public names report aiosdm as their module (so that users see where to import them from);
# pdoc then cannot find their fields' source lines, and says so per field. Harmless.
_TAKEN_FROM = re.compile(r"Cannot determine where .* is taken from, assuming current file")


def public_modules() -> list[str]:
    """``aiosdm`` and every module below it whose dotted name has no private part."""
    names = {"aiosdm"}
    for package in ("aiosdm", "aiosdm.interceptors"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if not any(part.startswith("_") for part in info.name.split(".")):
                names.add(info.name)
    return sorted(names)


def _covered(name: str, names: list[str]) -> bool:
    """Whether pdoc documents ``name`` already as a submodule of its package (it follows a
    package's submodules, only those in its ``__all__`` when it has one)."""
    parent, _, last = name.rpartition(".")
    if parent not in names:
        return False
    listed = getattr(importlib.import_module(parent), "__all__", None)
    return listed is None or last in listed


def build(out: Path) -> list[str]:
    """Write the reference into ``out``; returns pdoc's warnings (the harmless ones left out)."""
    import pdoc
    import pdoc.render

    pdoc.render.configure(docformat="restructuredtext", search=True, show_source=False)
    names = public_modules()
    for name in names:
        module = importlib.import_module(name)
        # Lazily loaded names (PEP 562) are in __all__ but not yet in the module's namespace,
        # where pdoc looks: load them.
        for attribute in getattr(module, "__all__", ()):
            if attribute not in vars(module):
                setattr(module, attribute, getattr(module, attribute))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdoc.pdoc(*[n for n in names if not _covered(n, names)], output_directory=out)
    return [str(w.message) for w in caught if not _TAKEN_FROM.search(str(w.message))]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m docs", description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    args = parser.parse_args()
    problems = build(args.out)
    for problem in problems:
        print("warning:", problem)
    print(f"wrote the API reference into {args.out}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
