"""``python -m codegen --coverage --json`` against facts derived apart from codegen/coverage.py.

Our side comes from the generated wire table; the official side from the classes the official
Python SDK defines (``strongdm.svc``) and its descriptors. Our own coverage numbers are never
written down here: they grow as protos/ grows. README.md's coverage table must be what
``--coverage --markdown`` prints.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import strongdm
import strongdm.svc
from google.protobuf import descriptor_pool

from aiosdm._generated.services import SERVICES
from codegen import coverage

ROOT = Path(__file__).resolve().parents[2]
POOL = descriptor_pool.Default()


def _codegen(*args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_codegen("--coverage", "--json"))
    return data


@pytest.fixture(scope="module")
def table() -> str:
    return _codegen("--coverage", "--markdown")


@functools.cache
def _wrappers() -> dict[str, type]:
    """Service name -> the official SDK's Python wrapper class (its snapshot twins aside)."""
    return {
        name: cls
        for name, cls in vars(strongdm.svc).items()
        if inspect.isclass(cls)
        and cls.__module__ == strongdm.svc.__name__
        and not name.startswith("Snapshot")
    }


@functools.cache
def _python_methods() -> frozenset[str]:
    """Service.Method of every RPC the official SDK wraps (``list_by_actor`` ~ ListByActor)."""
    found = set()
    for name, cls in _wrappers().items():
        wrapped = {m.replace("_", "") for m in vars(cls) if not m.startswith("_")}
        for method in POOL.FindServiceByName(f"v1.{name}").methods:
            if method.name.lower() in wrapped:
                found.add(f"{name}.{method.name}")
    return frozenset(found)


def _official_methods() -> set[str]:
    """Every RPC in the official descriptors, Go-only ones included."""
    found = set()
    for mod in pkgutil.iter_modules(strongdm.__path__):
        if mod.name.endswith("_pb2"):
            module = importlib.import_module(f"strongdm.{mod.name}")
            for service in module.DESCRIPTOR.services_by_name.values():
                found |= {f"{service.name}.{m.name}" for m in service.methods}
    return found


def _ours() -> set[str]:
    """Our client's methods (those hidden from it are on the wire only)."""
    return {
        f"{s}.{m}"
        for s, methods in SERVICES.items()
        for m, spec in methods.items()
        if not spec.hidden
    }


def _wire_only() -> set[str]:
    return {
        f"{s}.{m}" for s, methods in SERVICES.items() for m, spec in methods.items() if spec.hidden
    }


def test_totals_are_the_official_python_sdk(report: dict[str, Any]) -> None:
    assert report["oracle"] == "strongdm 18.4.0"
    assert report["services"]["total"] == len(_wrappers()) == 72
    assert report["methods"]["total"] == len(_python_methods()) == 193
    assert report["drivers"]["total"] == len(POOL.FindMessageTypeByName("v1.Resource").fields)
    assert report["drivers"]["total"] == 119
    assert report["history_services"]["total"] == 26
    assert report["snapshot_services"]["total"] == 33


def test_go_only_items_are_set_apart(report: dict[str, Any]) -> None:
    assert report["services"]["go_only"] == ["AuthorizationPolicies"]
    official = _official_methods()
    assert len(official) == 201
    assert set(report["methods"]["go_only"]) == official - _python_methods()


def test_covered_counts_match_our_wire_table(report: dict[str, Any]) -> None:
    services = report["services"]
    assert services["covered"] == len(set(SERVICES) & set(_wrappers()))
    assert services["extra"] == sorted(set(SERVICES) - set(_wrappers()))
    methods = report["methods"]
    assert methods["covered"] == len(_ours()) == len(_ours() & _python_methods())
    assert methods["extra"] == []
    # What we serve but keep off the client is exactly some of the official Go-only methods.
    assert methods["wire_only"] == sorted(_wire_only())
    assert set(methods["wire_only"]) <= set(methods["go_only"])


def test_history_and_snapshot_services_match_the_official_classes(report: dict[str, Any]) -> None:
    history = {s for s in _wrappers() if s.endswith("History")}
    snapshot = {n.removeprefix("Snapshot") for n in vars(strongdm.svc) if n.startswith("Snapshot")}
    for key, official in (("history_services", history), ("snapshot_services", snapshot)):
        assert report[key]["total"] == len(official), key
        assert report[key]["covered"] == len(official & set(SERVICES)), key
        assert report[key]["missing"] == sorted(official - set(SERVICES)), key


@pytest.mark.parametrize("kind", ["services", "methods", "history_services", "snapshot_services"])
def test_missing_names_are_absent_from_ours_and_official(report: dict[str, Any], kind: str) -> None:
    t = report[kind]
    missing = t["missing"]
    assert missing == sorted(missing)
    assert t["covered"] + len(missing) == t["total"]
    for name in missing:
        if kind == "methods":
            service, method = name.split(".")
            assert method not in SERVICES.get(service, {}), name
            assert POOL.FindMethodByName(f"v1.{name}") is not None
            assert name in _python_methods(), name
        else:
            assert name not in SERVICES, name
            assert name in _wrappers(), name


def _arms(full_name: str, oneof: str) -> set[str]:
    """The message names of a oneof's arms (every oneof in v1 chooses among messages)."""
    try:
        message = POOL.FindMessageTypeByName(full_name)
    except KeyError:  # a message we do not define yet
        return set()
    return {f.message_type.name for f in message.oneofs_by_name[oneof].fields if f.message_type}


def test_drivers_and_every_oneof_match_both_descriptor_sets(report: dict[str, Any]) -> None:
    ours, theirs = _arms("aiosdm.v1.Resource", "resource"), _arms("v1.Resource", "resource")
    drivers = report["drivers"]
    assert drivers["covered"] == len(ours & theirs)
    assert drivers["missing"] == sorted(theirs - ours)
    assert {"Account.account", "Node.node", "SecretStore.secret_store"} <= set(report["oneofs"])
    for key, t in report["oneofs"].items():
        message, oneof = key.split(".")
        ours, theirs = _arms(f"aiosdm.v1.{message}", oneof), _arms(f"v1.{message}", oneof)
        assert t["covered"] == len(ours & theirs), key
        assert t["missing"] == sorted(theirs - ours - set(t["go_only"])), key
        assert t["covered"] + len(t["missing"]) == t["total"], key
    assert report["oneofs"]["Node.node"]["go_only"] == ["AIRouter"]


def test_text_report_names_what_is_missing(report: dict[str, Any]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "--coverage"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    text = run.stdout
    for label, key in (("services", "services"), ("methods", "methods")):
        t = report[key]
        assert f"{label:<20}{t['covered']:>4} of {t['total']:<4}" in text
    for name in report["methods"]["missing"] + report["drivers"]["missing"]:
        assert name in text, name


# --- README.md's table ---------------------------------------------------------------------------


def _readme_table(text: str) -> str:
    start = text.index(coverage.README_START) + len(coverage.README_START)
    return text[start : text.index(coverage.README_END, start)].strip("\n")


def test_readme_table_is_what_the_command_prints(table: str) -> None:
    in_readme = _readme_table((ROOT / "README.md").read_text())
    assert in_readme == table.rstrip("\n"), (
        "README.md's coverage table differs from `python -m codegen --coverage --markdown`; "
        "refresh it with `make generate` (or `.venv/bin/python -m codegen --coverage "
        "--markdown --write-readme`) and commit README.md"
    )


def test_markdown_table_holds_the_report(report: dict[str, Any], table: str) -> None:
    assert f"({report['oracle']})" in table.splitlines()[0]
    for label, key in (("services", "services"), ("methods", "methods")):
        t = report[key]
        assert f"| {label} | {t['covered']} | {t['total']} |" in table
    drivers = report["drivers"]
    assert f"| resource drivers | {drivers['covered']} | {drivers['total']} |" in table
    for key, t in report["oneofs"].items():
        assert f"| arms of `{key}` | {t['covered']} | {t['total']} |" in table
    listed = report["services"]["missing"] + report["methods"]["missing"] + drivers["missing"]
    words = set(table.replace("\n", " ").split())
    for name in listed:
        assert f"`{name}`," in words or f"`{name}`." in words, name
    for name in report["services"]["go_only"] + report["oneofs"]["Node.node"]["go_only"]:
        assert f"`{name}`" in table, name


def test_write_readme_replaces_only_the_table(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Title\n\nbefore\n{coverage.README_START}\nold table\n{coverage.README_END}\nafter\n"
    )
    coverage.write_readme("| new | table |", readme)
    assert readme.read_text() == (
        f"# Title\n\nbefore\n{coverage.README_START}\n| new | table |\n"
        f"{coverage.README_END}\nafter\n"
    )
    readme.write_text("no markers\n")
    with pytest.raises(SystemExit, match="lacks the markers"):
        coverage.write_readme("| new |", readme)
