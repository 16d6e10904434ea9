"""Rules: what a service of the local control plane does beyond its methods' shapes.

The engine (``aiosdm.testing._engine``) serves every generated method whose shape and
messages say what to do: create, get, update, delete and list of a stored kind, and
the history lists. A service that needs more registers one :class:`Rules` value here;
the server refuses to start if any generated method has neither a generic handler
nor a rule, and names the methods.

How to add a rule:

1. Pick the module of its area (``accounts``, ``grants``, ``roles``, ``groups``,
   ``nodes``, ``resources``, ``secrets``, ``derived_access``, ``activities``,
   ``access_requests``, ``organizations``, ``control_panel``, ...), or add a module
   ``rules/<area>.py``: every module of this package not starting with ``_`` is
   imported and must define ``RULES``, a tuple of :class:`Rules`. Nothing lists the
   modules or the services; a ``_helper.py`` module is skipped.
2. Build ``Rules("ServiceName", ...)`` with what differs:

   - ``on_write(env, tx, entity, old, call)``: runs inside every create and update of
     the service's kind (``old`` is None on create), whichever handler writes it
     (bulk ``seed()`` and other rules included). Fill server-owned fields, or refuse
     with ``bad_request``/``already_exists`` from ``aiosdm.testing._errors``.
   - ``on_delete(env, tx, id, old)``: runs for every entity of the kind deleted,
     cascades included; for state kept beside the entity.
   - ``methods={"Name": factory}``: ``factory(env)`` returns the handler
     ``async (call, request) -> response``; for custom methods, and for standard ones
     whose reply or effects differ. Build on the engine's pieces (``create_in``,
     ``update_in``, ``cascade_delete``, ``page_of``/``list_page``, ``respond``) and do
     all SQLite work inside ``env.store.read``/``write`` jobs (the store thread).
   - ``list_filter(row, at_us)``: hides rows not in force from every list of the kind.
   - ``seedable=False`` when ``LocalServer.seed`` cannot create the kind as its Create
     call would (key pairs, encrypted values).
3. Run ``pytest tests/testing``: ``test_rules.py`` checks the registry against the
   generated surface (unknown services or methods, hooks on a service that stores
   nothing, methods nobody serves).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

from aiosdm.testing._engine import Rules

__all__ = ["Rules", "load_rules"]


@functools.cache
def load_rules(package: str = __name__) -> Mapping[str, Rules]:
    """Every ``Rules`` that the modules of ``package`` define, by service name.

    Raises:
        RuntimeError: a module without ``RULES``, or two rules for one service.
    """
    found: dict[str, Rules] = {}
    where: dict[str, str] = {}
    modules = pkgutil.iter_modules(importlib.import_module(package).__path__)
    for info in sorted(modules, key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        rules = getattr(module, "RULES", None)
        if not isinstance(rules, tuple) or not all(isinstance(r, Rules) for r in rules):
            raise RuntimeError(f"{module.__name__} must define RULES, a tuple of Rules")
        for rule in rules:
            if rule.service in found:
                raise RuntimeError(
                    f"two rules for {rule.service}: in {where[rule.service]} and {module.__name__}"
                )
            found[rule.service] = rule
            where[rule.service] = module.__name__
    return MappingProxyType(found)
