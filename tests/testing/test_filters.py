"""The filter language, against the quoting the official SDK produces."""

from __future__ import annotations

import json

import pytest

from aiosdm.testing._filters import FilterError, Term, compile_filter, parse_filter

KNOWN = frozenset({"email", "name", "suspended", "tags", "type", "permissions"})


def _quote(value: str) -> str:
    # What the official quote_filter_args puts in place of a "?".
    return json.dumps(value)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("", []),
        ("   ", []),
        ("email:a@b.com", [Term("email", "a@b.com")]),
        ("Name: x y ,type:user", [Term("name", "x y"), Term("type", "user")]),
        ("name:" + _quote('a, "b": c'), [Term("name", 'a, "b": c')]),
        ("name:" + _quote("café") + ",type:x", [Term("name", "café"), Term("type", "x")]),
        ("tags:env=dev", [Term("tags", "env=dev")]),
    ],
)
def test_parse(text: str, terms: list[Term]) -> None:
    assert parse_filter(text) == terms


@pytest.mark.parametrize("text", ["email", 'name:"unterminated', 'name:"x" y', ":v", "a b:c"])
def test_parse_errors(text: str) -> None:
    with pytest.raises(FilterError):
        parse_filter(text)


RECORD = {
    "email": "Alice@Example.com",
    "name": "List Reader",
    "suspended": "false",
    "tags": {"env": "dev", "team": "db"},
    "type": "user",
    "permissions": ["audit:read", "user:write"],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email:alice@example.com", True),
        ("email:alice@*", True),
        ("email:*@example.org", False),
        ("name:" + _quote("List*"), True),
        ("name:list", False),
        ("suspended:false,type:user", True),
        ("suspended:false,type:token", False),
        ("tags:env=dev", True),
        ("tags:env=DEV,tags:team=d*", True),
        ("tags:env=prod", False),
        ("tags:team", True),
        ("tags:owner", False),
        ("permissions:user:*", True),
        ("permissions:admin", False),
    ],
)
def test_matching(text: str, expected: bool) -> None:
    assert compile_filter(text, KNOWN)(RECORD) is expected


def test_unknown_fields_are_refused_and_special_terms_are_used() -> None:
    with pytest.raises(FilterError, match="unknown filter field 'colour'"):
        compile_filter("colour:red", KNOWN)
    special = {"longer": lambda v: lambda record: len(str(record["name"])) > int(v)}
    assert compile_filter("longer:5", KNOWN, special)(RECORD)
    assert not compile_filter("longer:50", KNOWN, special)(RECORD)
