"""The rules registry: every generated method is served by the engine or a rule, the
server refuses to start otherwise, and rules are found without any list of them."""

from __future__ import annotations

import ast
import importlib
import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from aiosdm._generated.services import SERVICES
from aiosdm.testing._auth import KeyRing
from aiosdm.testing._engine import OWNER_OF_KIND, Env, Rules, generic_handler
from aiosdm.testing._handlers import build_handlers
from aiosdm.testing._seed import SEEDABLE, seedable
from aiosdm.testing._store import Store
from aiosdm.testing.rules import load_rules

TESTING = Path(__file__).resolve().parents[2] / "sdk" / "testing"
RULES = load_rules()


def env_with(rules: Mapping[str, Rules]) -> Env:
    # Building handlers opens nothing: an unopened store is enough.
    return Env(store=Store(None), keyring=KeyRing(), rules=rules)


def without(*services: str) -> dict[str, Rules]:
    return {name: rule for name, rule in RULES.items() if name not in services}


def test_every_generated_method_is_served() -> None:
    handlers = build_handlers(env_with(RULES))
    assert {(s, m) for s, methods in handlers.items() for m in methods} == {
        (s, m) for s, methods in SERVICES.items() for m in methods
    }


def test_what_no_rule_overrides_the_engine_serves_from_the_shape() -> None:
    env = env_with(RULES)
    for service, methods in SERVICES.items():
        overridden = RULES[service].methods if service in RULES else {}
        for method, spec in methods.items():
            if method not in overridden:
                assert generic_handler(env, spec) is not None, f"{service}.{method}"


def test_a_missing_rule_stops_the_server_naming_the_method() -> None:
    with pytest.raises(
        RuntimeError, match=r"no generic handler and no rule for Nodes\.TCPProbe"
    ) as caught:
        build_handlers(env_with(without("Nodes")))
    # Nodes.Create falls back to the engine's create; only the custom method is left.
    assert "Nodes.Create" not in str(caught.value)


def test_every_unserved_method_is_named_at_once() -> None:
    with pytest.raises(RuntimeError) as caught:
        build_handlers(env_with(without("Activities", "AccountPermissions")))
    message = str(caught.value)
    for name in ("Activities.Get", "Activities.List", "AccountPermissions.List"):
        assert name in message


def test_a_rule_for_a_service_that_does_not_exist_stops_the_server() -> None:
    rules = {**RULES, "Gateways": Rules("Gateways")}
    with pytest.raises(RuntimeError, match="rules for Gateways, which is not a generated service"):
        build_handlers(env_with(rules))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            Rules("Nodes", methods={"Ping": RULES["Nodes"].methods["TCPProbe"]}),
            r"Nodes\.Ping, which is not a method",
        ),
        (Rules("Activities", on_write=lambda *args: None), "Activities stores no kind"),
        (Rules("NodesHistory", list_filter=lambda row, at: True), "NodesHistory stores no kind"),
    ],
)
def test_a_rule_that_does_not_fit_the_surface_stops_the_server(rule: Rules, message: str) -> None:
    rules = {**RULES, rule.service: rule}
    with pytest.raises(RuntimeError, match=message):
        build_handlers(env_with(rules))


def test_a_rule_under_another_name_stops_the_server() -> None:
    with pytest.raises(RuntimeError, match="rules of Roles are registered as Groups"):
        build_handlers(env_with({**RULES, "Groups": RULES["Roles"]}))


def public_rule_modules() -> Iterator[Path]:
    yield from (p for p in (TESTING / "rules").glob("*.py") if not p.name.startswith("_"))


def test_the_registry_is_what_the_rule_modules_define() -> None:
    defined = {
        rule.service
        for path in public_rule_modules()
        for rule in importlib.import_module(f"aiosdm.testing.rules.{path.stem}").RULES
    }
    assert set(RULES) == defined


@pytest.fixture
def rules_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty package ``more_rules`` on the path, forgotten afterwards."""
    package = tmp_path / "more_rules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield package
    for name in [m for m in sys.modules if m.split(".")[0] == "more_rules"]:
        del sys.modules[name]


def add_module(package: Path, name: str, source: str) -> None:
    (package / f"{name}.py").write_text(textwrap.dedent(source))
    importlib.invalidate_caches()


def test_a_new_rule_module_is_found_without_being_listed(rules_package: Path) -> None:
    add_module(rules_package, "_helpers", "VALUE = 1\n")  # helpers are skipped
    add_module(
        rules_package,
        "probes",
        """
        from aiosdm.testing._engine import Rules

        RULES = (Rules("Nodes"),)
        """,
    )
    assert list(load_rules.__wrapped__("more_rules")) == ["Nodes"]


def test_a_rule_module_must_define_rules(rules_package: Path) -> None:
    add_module(rules_package, "stray", "X = 1\n")
    with pytest.raises(RuntimeError, match=r"more_rules\.stray must define RULES"):
        load_rules.__wrapped__("more_rules")


def test_two_rules_for_one_service_are_refused(rules_package: Path) -> None:
    rule = "from aiosdm.testing._engine import Rules\nRULES = (Rules('Nodes'),)\n"
    add_module(rules_package, "one", rule)
    add_module(rules_package, "two", rule)
    with pytest.raises(
        RuntimeError, match=r"two rules for Nodes: in more_rules\.one and more_rules\.two"
    ):
        load_rules.__wrapped__("more_rules")


def string_constants(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_no_service_is_named_outside_its_rule() -> None:
    # The engine, the server and seeding work from the generated tables; only a
    # rule's registration says a service's name.
    for path in TESTING.glob("*.py"):
        named = set(string_constants(path)) & set(SERVICES)
        assert not named, f"{path.name} names {sorted(named)}"


def test_seedable_kinds_come_from_the_tables_and_the_rules() -> None:
    everything = seedable({})
    assert {"secret_engine", "managed_secret"} <= set(everything)
    assert set(everything) - set(SEEDABLE) == {
        kind
        for kind, service in OWNER_OF_KIND.items()
        if service in RULES and not RULES[service].seedable
    }
    assert all(OWNER_OF_KIND[kind] == service for kind, service in SEEDABLE.items())
