"""The handler of every generated method: a rule's where one is registered, else the
engine's from the method's shape; the server refuses to start with any left over, or
with a method that names no permission (``aiosdm.testing._permissions``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiosdm._generated.services import SERVICES
from aiosdm._specs import MethodSpec
from aiosdm.testing._engine import (
    OWNER_OF_KIND,
    Env,
    Rules,
    ServerHandler,
    generic_handler,
    kind_of_service,
)
from aiosdm.testing._permissions import problems as permission_problems

__all__ = ["build_handlers", "check_rules"]


def _stores_its_kind(service: str) -> bool:
    kind = kind_of_service(service)
    return kind is not None and OWNER_OF_KIND.get(kind.name) == service


def check_rules(rules: Mapping[str, Rules]) -> list[str]:
    """What is wrong with a registry, measured against the generated surface."""
    problems = []
    for name, rule in sorted(rules.items()):
        if rule.service != name:
            problems.append(f"the rules of {rule.service} are registered as {name}")
        if name not in SERVICES:
            problems.append(f"rules for {name}, which is not a generated service")
            continue
        unknown = sorted(set(rule.methods) - set(SERVICES[name]))
        problems += [f"a rule for {name}.{method}, which is not a method" for method in unknown]
        hooks = [
            hook
            for hook, given in (
                ("on_write", rule.on_write is not None),
                ("on_delete", rule.on_delete is not None),
                ("list_filter", rule.list_filter is not None),
            )
            if given
        ]
        if hooks and not _stores_its_kind(name):
            problems.append(f"{name} stores no kind, so its {', '.join(hooks)} would never run")
    return problems


def _handler(env: Env, spec: MethodSpec[Any, Any]) -> ServerHandler | None:
    rules = env.rules.get(spec.service)
    factory = rules.methods.get(spec.method) if rules is not None else None
    return factory(env) if factory is not None else generic_handler(env, spec)


def build_handlers(env: Env) -> dict[str, dict[str, ServerHandler]]:
    """A handler for every method in ``SERVICES``, under ``env.rules``.

    Raises:
        RuntimeError: the rules do not fit the generated surface, some methods have
            neither a generic handler nor a rule, or name no strongDM permission (all of
            them named).
    """
    problems = check_rules(env.rules)
    problems += permission_problems(
        spec for methods in SERVICES.values() for spec in methods.values()
    )
    handlers: dict[str, dict[str, ServerHandler]] = {}
    unserved = []
    for service, methods in SERVICES.items():
        for method, spec in methods.items():
            handler = _handler(env, spec)
            if handler is None:
                unserved.append(f"{service}.{method}")
            else:
                handlers.setdefault(service, {})[method] = handler
    if unserved:
        problems.append(
            "no generic handler and no rule for "
            + ", ".join(unserved)
            + " (add a Rules entry in aiosdm.testing.rules)"
        )
    if problems:
        raise RuntimeError("the local control plane cannot start: " + "; ".join(problems))
    return handlers
