"""Packages depend on each other in one direction only: no import cycles.

Helpers several packages need live in neutral private modules (``aiosdm._async``,
``aiosdm._clock``, ``aiosdm._tls``), not inside one of the packages that use them.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Generated code takes part: each generated module group (messages, models, the wire
# table, clients, kinds) may use the runtime helpers it is generated against
# (aiosdm._service, aiosdm._specs, ...), and those must not import it back.
FOLDERS = {"sdk": "aiosdm", "interceptors": "aiosdm.interceptors", "generated": "aiosdm._generated"}

PROBE = """
import json, sys
import {module}
print(json.dumps(sorted(sys.modules)))
"""


def modules_after_importing(module: str) -> set[str]:
    """Every module loaded by ``import module`` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return set(json.loads(out))


@pytest.mark.parametrize(
    ("imported", "absent"),
    [("aiosdm.credentials", "aiosdm.aws"), ("aiosdm.aws", "aiosdm.credentials")],
)
def test_credentials_and_aws_do_not_import_each_other(imported: str, absent: str) -> None:
    loaded = modules_after_importing(imported)
    assert imported in loaded
    assert not {m for m in loaded if m == absent or m.startswith(absent + ".")}


def source_modules() -> Iterator[tuple[str, Path]]:
    for folder, root in FOLDERS.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join([root, *parts]), path


def unit(module: str) -> str | None:
    """The part of ``aiosdm`` a module belongs to: a sub-package or a top-level module."""
    parts = module.split(".")
    if parts[0] != "aiosdm" or len(parts) < 2:
        return None
    if parts[1] == "_generated" and len(parts) > 2:  # messages, models, clients, ... each
        return ".".join(parts[1:3])
    return parts[1]


def imported_names(path: Path) -> Iterator[str]:
    """Absolute imports anywhere in the file, deferred ones inside functions included."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "aiosdm":  # from aiosdm import errors, _signing
                yield from (f"aiosdm.{alias.name}" for alias in node.names)
            else:
                yield node.module


def test_aws_never_imports_credentials() -> None:
    """The one direction is credentials -> aws (the Secrets Manager source, loaded lazily)."""
    for module, path in source_modules():
        if unit(module) == "aws":
            assert not [n for n in imported_names(path) if unit(n) == "credentials"], module


def test_no_import_cycle_between_the_parts_of_aiosdm() -> None:
    graph: dict[str, set[str]] = {}
    for module, path in source_modules():
        source = unit(module)
        if source is None:
            continue  # the root package only re-exports, lazily
        for name in imported_names(path):
            target = unit(name)
            if target is not None and target != source:
                graph.setdefault(source, set()).add(target)

    def path_back(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    return [*trail, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [cycle for start in sorted(graph) if (cycle := path_back(start))]
    assert cycles == [], " ; ".join(" -> ".join(c) for c in cycles)


def _strongdm_imports(path: Path) -> Iterator[str]:
    """``module:function`` for each import of the official SDK in ``path`` (``-`` at top level)."""
    tree = ast.parse(path.read_text(), str(path))
    scopes: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                scopes.setdefault(inner, node.name)
    for node in ast.walk(tree):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.level == 0
            else []
        )
        if any(n.split(".")[0] == "strongdm" for n in names):
            yield f"{path.relative_to(ROOT)}:{scopes.get(node, '-')}"


def test_nothing_of_the_product_imports_the_official_sdk() -> None:
    """The official SDK is a dev-only test oracle: nothing shipped imports it, not even lazily
    (the pytest plugin leaves the official client to a fixture of the user's own)."""
    found = [
        where
        for folder in FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
        for where in _strongdm_imports(path)
    ]
    assert found == []
