"""The strongDM list filter language, as the local control plane understands it.

``field:value[,field:value...]``: every term must hold (comma = AND). Values are
bare text up to the next comma, or a double-quoted JSON string (what the SDKs
produce for ``?`` placeholders). ``*`` matches any run of characters, comparison
ignores case, ``tags:key=value`` matches one tag (``tags:key`` any value of it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from aiosdm.testing._fields import FieldValue

__all__ = ["FilterError", "Predicate", "Term", "compile_filter", "parse_filter"]

Record = Mapping[str, FieldValue]
Predicate = Callable[[Record], bool]
#: Builds the predicate of a field with its own semantics (e.g. ``before:<time>``).
SpecialTerm = Callable[[str], Predicate]


class FilterError(ValueError):
    """The filter text is malformed or names an unknown field."""


@dataclass(frozen=True)
class Term:
    field: str
    value: str


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """Decode the JSON string starting at ``text[start] == '"'``; returns (value, end)."""
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == '"':
            try:
                value = json.loads(text[start : i + 1])
            except json.JSONDecodeError as err:
                raise FilterError(f"bad escape in quoted value at {start}: {err.msg}") from None
            return str(value), i + 1
        i += 1
    raise FilterError(f"unterminated quoted value at {start}")


def parse_filter(text: str) -> list[Term]:
    """Split a filter into terms. An empty or blank filter has none (matches everything)."""
    terms: list[Term] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t,":
            i += 1
        if i >= n:
            break
        colon = text.find(":", i)
        comma = text.find(",", i)
        if colon < 0 or (0 <= comma < colon):
            end = comma if comma >= 0 else n
            raise FilterError(f"expected field:value, got {text[i:end].strip()!r}")
        field = text[i:colon].strip().lower()
        if not field or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", field):
            raise FilterError(f"bad field name {text[i:colon].strip()!r}")
        i = colon + 1
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == '"':
            value, i = _read_quoted(text, i)
            while i < n and text[i] in " \t":
                i += 1
            if i < n and text[i] != ",":
                raise FilterError(f"unexpected text after quoted value at {i}")
        else:
            end = text.find(",", i)
            end = n if end < 0 else end
            value, i = text[i:end].strip(), end
        terms.append(Term(field, value))
    return terms


@lru_cache(maxsize=512)
def _glob(pattern: str) -> re.Pattern[str]:
    parts = (re.escape(p) for p in pattern.split("*"))
    return re.compile(".*".join(parts), re.IGNORECASE | re.DOTALL)


def _matches(pattern: str, value: FieldValue) -> bool:
    regex = _glob(pattern)
    if isinstance(value, str):
        return regex.fullmatch(value) is not None
    if isinstance(value, list):
        return any(regex.fullmatch(v) is not None for v in value)
    return False


def _tag_predicate(value: str) -> Predicate:
    key, has_value, wanted = value.partition("=")
    key_re = _glob(key.strip())
    value_pattern = wanted.strip()

    def check(record: Record) -> bool:
        tags = record.get("tags")
        if not isinstance(tags, dict):
            return False
        for name, tag_value in tags.items():
            if key_re.fullmatch(name) and (not has_value or _matches(value_pattern, tag_value)):
                return True
        return False

    return check


def _field_predicate(field: str, value: str) -> Predicate:
    def check(record: Record) -> bool:
        current = record.get(field)
        return current is not None and _matches(value, current)

    return check


def compile_filter(
    text: str,
    known: frozenset[str],
    special: Mapping[str, SpecialTerm] | None = None,
) -> Predicate:
    """A predicate over flattened records (see ``_fields.flatten``) for ``text``.

    Raises:
        FilterError: malformed text, or a field outside ``known`` and ``special``.
    """
    special = special or {}
    known_lower = {name.lower(): name for name in known}
    predicates: list[Predicate] = []
    for term in parse_filter(text):
        if term.field in special:
            predicates.append(special[term.field](term.value))
        elif term.field == "tags" and "tags" in known_lower:
            predicates.append(_tag_predicate(term.value))
        elif term.field in known_lower:
            predicates.append(_field_predicate(known_lower[term.field], term.value))
        else:
            raise FilterError(f"unknown filter field {term.field!r}")
    if not predicates:
        return lambda record: True
    return lambda record: all(p(record) for p in predicates)
