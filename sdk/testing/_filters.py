"""The strongDM list filter language, as the local control plane understands it.

``field:value[,field:value...]``: every term must hold (comma = AND). Values are
bare text up to the next comma, or a double-quoted JSON string (what the SDKs
produce for ``?`` placeholders). ``*`` matches any run of characters, comparison
ignores case, ``tags:key=value`` matches one tag (``tags:key`` any value of it).

A field is named as in the protos (``first_name``) or as strongDM's filter
documentation writes it, without the underscores (``firstname``), in any case.
"""

from __future__ import annotations

import difflib
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


#: A filter says what to look for: a few terms, not a document.
MAX_FILTER_LENGTH, MAX_TERMS = 4096, 32


def parse_filter(text: str) -> list[Term]:
    """Split a filter into terms. An empty or blank filter has none (matches everything).

    Raises:
        FilterError: malformed, longer than :data:`MAX_FILTER_LENGTH` characters, or more
            than :data:`MAX_TERMS` terms.
    """
    if len(text) > MAX_FILTER_LENGTH:
        raise FilterError(f"longer than {MAX_FILTER_LENGTH} characters")
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
        if len(terms) > MAX_TERMS:
            raise FilterError(f"more than {MAX_TERMS} terms")
    return terms


class _Glob:
    """A ``*`` pattern, matched without backtracking: the pieces between stars are found
    left to right, each at its first place after the last (which is enough for ``*``,
    and takes time linear in the value, however many stars the pattern has)."""

    __slots__ = ("first", "last", "middle", "starred")

    def __init__(self, pattern: str) -> None:
        parts = pattern.casefold().split("*")
        self.starred = len(parts) > 1
        self.first, self.last = parts[0], parts[-1]
        self.middle = [p for p in parts[1:-1] if p]

    def fullmatch(self, value: str) -> bool:
        text = value.casefold()
        if not self.starred:
            return text == self.first
        end = len(text) - len(self.last)
        if end < len(self.first) or not text.startswith(self.first):
            return False
        if not text.endswith(self.last):
            return False
        at = len(self.first)
        for piece in self.middle:
            found = text.find(piece, at, end)
            if found < 0:
                return False
            at = found + len(piece)
        return True


@lru_cache(maxsize=512)
def _glob(pattern: str) -> _Glob:
    return _Glob(pattern)


def _matches(pattern: str, value: FieldValue) -> bool:
    glob = _glob(pattern)
    if isinstance(value, str):
        return glob.fullmatch(value)
    if isinstance(value, list):
        return any(glob.fullmatch(v) for v in value)
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


@lru_cache(maxsize=256)
def _spellings(names: frozenset[str]) -> Mapping[str, str]:
    """Every accepted spelling of ``names`` (lowercase) -> the name it means.

    A name is accepted in any case, and without its underscores as strongDM's filter
    documentation writes field names (``firstname``, ``accountid``). A spelling without
    underscores that two names share, or that is itself one of the names, means only the
    name spelled exactly so.
    """
    out = {name.lower(): name for name in names}
    squashed: dict[str, set[str]] = {}
    for name in names:
        squashed.setdefault(name.lower().replace("_", ""), set()).add(name)
    for spelling, meant in squashed.items():
        if spelling not in out and len(meant) == 1:
            out[spelling] = next(iter(meant))
    return out


def _unknown(field: str, accepted: Mapping[str, str]) -> FilterError:
    close = difflib.get_close_matches(field, list(accepted), n=3, cutoff=0.8)
    hint = f"; did you mean {' or '.join(sorted({accepted[c] for c in close}))}?" if close else ""
    return FilterError(f"unknown filter field {field!r}{hint}")


def compile_filter(
    text: str,
    known: frozenset[str],
    special: Mapping[str, SpecialTerm] | None = None,
) -> Predicate:
    """A predicate over flattened records (see ``_fields.flatten``) for ``text``.

    Fields of ``known`` and ``special`` are accepted in every spelling of :func:`_spellings`.

    Raises:
        FilterError: malformed text, or a field outside ``known`` and ``special``.
    """
    special = special or {}
    specials = _spellings(frozenset(special))
    fields = _spellings(known)
    predicates: list[Predicate] = []
    for term in parse_filter(text):
        if term.field in specials:
            predicates.append(special[specials[term.field]](term.value))
        elif term.field in fields and fields[term.field] == "tags":
            predicates.append(_tag_predicate(term.value))
        elif term.field in fields:
            predicates.append(_field_predicate(fields[term.field], term.value))
        else:
            raise _unknown(term.field, {**fields, **specials})
    if not predicates:
        return lambda record: True
    return lambda record: all(p(record) for p in predicates)
