"""Reading altimeter's accessor definition (JSON) into chains of role assumptions.

The layout, as altimeter documents it::

    {
      "multi_hop_accessors": [
        {
          "role_session_name": "altimeter",
          "access_steps": [
            {"role_name": "hop", "account_id": "111111111111", "external_id": "{{ env.HOP_ID }}"},
            {"role_name": "target"}
          ]
        }
      ],
      "cache_creds": true
    }

Every step but the last names its account; the last is taken in the account asked for. An
``external_id`` may be (or contain) ``{{ env.NAME }}``, replaced by that environment
variable when the file is read. Every problem is reported with the file and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiosdm.aws._errors import AccessorDefinitionError

__all__ = ["AccessorDefinition", "ParsedStep", "load_definition", "parse_definition"]

_TOP_FIELDS = ("multi_hop_accessors", "cache_creds")
_CHAIN_FIELDS = ("role_session_name", "access_steps")
_STEP_FIELDS = ("role_name", "account_id", "external_id")
_ACCOUNT_ID = re.compile(r"^\d{12}$")
_SESSION_NAME = re.compile(r"^[\w+=,.@-]{2,64}$")  # what STS accepts as RoleSessionName
# {{ env.NAME }}, {{ env['NAME'] }} or {{ env["NAME"] }}: the forms altimeter's files use.
_ENV_REFERENCE = re.compile(
    r"\{\{\s*env(?:\.(?P<dotted>\w+)|\[\s*(?P<quote>['\"])(?P<indexed>\w+)(?P=quote)\s*\])\s*\}\}"
)


@dataclass(frozen=True)
class ParsedStep:
    role_name: str
    account_id: str | None
    external_id: str | None


@dataclass(frozen=True)
class AccessorDefinition:
    """What a definition holds: each chain as (role session name, steps)."""

    chains: tuple[tuple[str, tuple[ParsedStep, ...]], ...]
    cache_creds: bool | None


def load_definition(
    text: str | bytes, *, source: str, environ: Mapping[str, str]
) -> AccessorDefinition:
    """Parse a definition file's text.

    Raises:
        AccessorDefinitionError: not JSON, or a field is missing, unknown or malformed.
    """
    try:
        document = json.loads(text)
    except UnicodeDecodeError:
        raise AccessorDefinitionError(source, None, "the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        # The message names the position only: the document itself is never quoted.
        raise AccessorDefinitionError(
            source, None, f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    return parse_definition(document, source=source, environ=environ)


def parse_definition(
    document: object, *, source: str, environ: Mapping[str, str]
) -> AccessorDefinition:
    """Check an already-decoded definition.

    Raises:
        AccessorDefinitionError: a field is missing, unknown or malformed.
    """
    top = _object(document, source, None, _TOP_FIELDS)
    cache_creds = top.get("cache_creds")
    if cache_creds is not None and not isinstance(cache_creds, bool):
        raise AccessorDefinitionError(source, "cache_creds", "must be true or false")
    chains_value = top.get("multi_hop_accessors", [])
    chains = [
        _chain(chain, source, f"multi_hop_accessors[{index}]", environ)
        for index, chain in enumerate(_list(chains_value, source, "multi_hop_accessors"))
    ]
    return AccessorDefinition(tuple(chains), cache_creds)


def _chain(
    value: object, source: str, path: str, environ: Mapping[str, str]
) -> tuple[str, tuple[ParsedStep, ...]]:
    chain = _object(value, source, path, _CHAIN_FIELDS)
    name = _required_text(chain, "role_session_name", source, path)
    if not _SESSION_NAME.match(name):
        raise AccessorDefinitionError(
            source,
            f"{path}.role_session_name",
            "must be 2 to 64 letters, digits or +=,.@_- (what STS accepts)",
        )
    steps_path = f"{path}.access_steps"
    if "access_steps" not in chain:
        raise AccessorDefinitionError(source, steps_path, "is missing")
    raw_steps = _list(chain["access_steps"], source, steps_path)
    if not raw_steps:
        raise AccessorDefinitionError(source, steps_path, "needs at least one step")
    steps = []
    last = len(raw_steps) - 1
    for index, raw in enumerate(raw_steps):
        step_path = f"{steps_path}[{index}]"
        step = _object(raw, source, step_path, _STEP_FIELDS)
        role = _required_text(step, "role_name", source, step_path)
        account = _text(step, "account_id", source, step_path)
        if account is not None and not _ACCOUNT_ID.match(account):
            raise AccessorDefinitionError(
                source, f"{step_path}.account_id", "must be a 12-digit account id, as a string"
            )
        if index < last and account is None:
            raise AccessorDefinitionError(
                source, f"{step_path}.account_id", "is missing: every step but the last needs one"
            )
        if index == last and account is not None:
            raise AccessorDefinitionError(
                source,
                f"{step_path}.account_id",
                "must be left out: the last step is taken in the account asked for",
            )
        external = _text(step, "external_id", source, step_path)
        if external is not None:
            external = _substitute(external, source, f"{step_path}.external_id", environ)
        steps.append(ParsedStep(role, account, external))
    return name, tuple(steps)


def _substitute(value: str, source: str, path: str, environ: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("dotted") or match.group("indexed")
        found = environ.get(name)
        if not found:
            raise AccessorDefinitionError(
                source, path, f"refers to ${name}, which is not set in the environment"
            )
        return found

    substituted = _ENV_REFERENCE.sub(replace, value)
    if "{{" in _ENV_REFERENCE.sub("", value) or "{%" in value:
        raise AccessorDefinitionError(
            source, path, "holds a template other than {{ env.NAME }}, which is all we read"
        )
    return substituted


def _object(value: object, source: str, path: str | None, allowed: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AccessorDefinitionError(source, path, "must be a JSON object")
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise AccessorDefinitionError(
                source, where, f"is not a known field (known: {', '.join(allowed)})"
            )
    return value


def _list(value: object, source: str, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise AccessorDefinitionError(source, path, "must be a JSON array")
    return value


def _text(mapping: Mapping[str, Any], key: str, source: str, path: str) -> str | None:
    value = mapping.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise AccessorDefinitionError(source, f"{path}.{key}", "must be a non-empty string")
    return value.strip()


def _required_text(mapping: Mapping[str, Any], key: str, source: str, path: str) -> str:
    value = _text(mapping, key, source, path)
    if value is None:
        raise AccessorDefinitionError(source, f"{path}.{key}", "is missing")
    return value
