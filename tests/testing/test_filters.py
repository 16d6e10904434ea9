"""The filter language, against the quoting the official SDK produces, and the field names
of strongDM's filter documentation (``firstname``) next to the protos' (``first_name``)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiosdm
from aiosdm.testing import LocalServer
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


# --- the spellings of strongDM's filter documentation ----------------------------------------

DOCUMENTED = frozenset({"email", "first_name", "last_name", "permission_level", "tags", "id"})
PERSON = {
    "email": "alice@example.com",
    "first_name": "Alice",
    "last_name": "Liddell",
    "permission_level": "admin",
    "tags": {"team": "db"},
    "id": "a-1",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first_name:alice", True),
        ("firstname:alice", True),
        ("FirstName:Alice", True),
        ("FIRST_NAME:alice", True),
        ("firstname:bob", False),
        ("lastname:liddell,firstname:a*", True),
        ("lastname:liddell,first_name:bob", False),
        ("permissionlevel:admin", True),
        ("permission_level:user", False),
        ("Tags:team=db", True),
    ],
)
def test_documented_field_names_work_like_proto_names(text: str, expected: bool) -> None:
    assert compile_filter(text, DOCUMENTED)(PERSON) is expected


@pytest.mark.parametrize(
    "text", ["first:alice", "first_names:alice", "fname:alice", "f_irstname:x"]
)
def test_other_spellings_are_unknown_fields(text: str) -> None:
    with pytest.raises(FilterError, match="unknown filter field"):
        compile_filter(text, DOCUMENTED)


def test_unknown_fields_name_the_close_field() -> None:
    with pytest.raises(
        FilterError, match=r"unknown filter field 'frstname'; did you mean first_name\?"
    ):
        compile_filter("frstname:alice", DOCUMENTED)
    with pytest.raises(FilterError) as caught:
        compile_filter("colour:red", DOCUMENTED)
    assert str(caught.value) == "unknown filter field 'colour'"


def test_a_spelling_means_only_the_field_spelled_exactly_so_when_two_could() -> None:
    # "abc" is a field itself: it never means a_bc.
    record = {"abc": "one", "a_bc": "two"}
    assert compile_filter("abc:one", frozenset(record))(record)
    assert not compile_filter("abc:two", frozenset(record))(record)
    assert compile_filter("a_bc:two", frozenset(record))(record)
    # Two fields lose their underscores alike: neither is guessed.
    both = frozenset({"a_bc", "ab_c"})
    with pytest.raises(FilterError, match="unknown filter field 'abc'"):
        compile_filter("abc:x", both)
    assert compile_filter("ab_c:x", both)({"ab_c": "x"})


def test_special_terms_take_documented_spellings_too() -> None:
    special = {"created_before": lambda v: lambda record: v == "now"}
    assert compile_filter("createdbefore:now", KNOWN, special)(RECORD)
    assert not compile_filter("created_before:later", KNOWN, special)(RECORD)


# --- end to end: both clients against the local control plane ---------------------------------


async def test_documented_field_names_filter_every_kind_of_list(server: LocalServer) -> None:
    now = datetime.now(UTC)
    async with server.client() as client:
        alice = (
            await client.accounts.create(
                aiosdm.User(email="alice@example.com", first_name="Alice", last_name="Liddell")
            )
        ).account
        await client.accounts.create(
            aiosdm.User(email="bob@example.com", first_name="Bob", last_name="Stone")
        )
        role = (await client.roles.create(aiosdm.Role(name="ops"))).role
        await client.account_attachments.create(
            aiosdm.AccountAttachment(account_id=alice.id, role_id=role.id)
        )
        db = aiosdm.Postgres(
            name="db",
            hostname="db.internal",
            username="app",
            password="pw",
            database="app",
            port=5432,
        )
        db = (await client.resources.create(db)).resource
        await client.account_grants.create(
            aiosdm.AccountGrant(
                account_id=alice.id,
                resource_id=db.id,
                start_from=now,
                valid_until=now + timedelta(hours=1),
            )
        )

        async def ids(lister: Any, text: str, *args: Any) -> list[str]:
            return [x.id async for x in lister(text, *args)]

        for field in ("firstname", "first_name", "FirstName"):
            assert await ids(client.accounts.list, f"{field}:?", "alice") == [alice.id]
        for field in ("lastname:stone,firstname:b*", "last_name:stone,first_name:b*"):
            assert len(await ids(client.accounts.list, field)) == 1
        for field in ("accountid", "account_id"):
            attached = [a async for a in client.account_attachments.list(f"{field}:?", alice.id)]
            assert [a.role_id for a in attached] == [role.id]
        for field in ("resourceid", "resource_id"):
            granted = [g async for g in client.account_grants.list(f"{field}:?", db.id)]
            assert [g.account_id for g in granted] == [alice.id]
        for field in ("hostname", "HostName"):
            assert await ids(client.resources.list, f"{field}:db.*") == [db.id]
        created = [h async for h in client.accounts_history.list("id:?", alice.id)]
        assert len(created) == 1
        for field in ("activityid", "activity_id"):  # a history list's own field
            versions = client.accounts_history.list(f"{field}:?", created[0].activity_id)
            assert [h.account.id async for h in versions] == [alice.id]

        with pytest.raises(aiosdm.BadRequestError, match="unknown filter field 'colour'"):
            await ids(client.accounts.list, "colour:red")
        with pytest.raises(aiosdm.BadRequestError, match="did you mean first_name"):
            await ids(client.accounts.list, "frstname:alice")


def test_the_official_client_filters_by_documented_names(official: Callable[..., Any]) -> None:
    strongdm = pytest.importorskip("strongdm")
    client = official()
    alice = client.accounts.create(
        strongdm.User(email="alice@example.com", first_name="Alice", last_name="Liddell")
    ).account
    client.accounts.create(strongdm.User(email="bob@example.com", first_name="Bob", last_name="S"))
    for field in ("firstname", "first_name", "FIRSTNAME"):
        assert [a.id for a in client.accounts.list(f"{field}:?", "Alice")] == [alice.id]
    with pytest.raises(strongdm.errors.BadRequestError, match="unknown filter field 'first'"):
        list(client.accounts.list("first:Alice"))


def _reference(pattern: str, value: str) -> bool:
    """What ``*`` means, said with a regex (fine for the short strings drawn here)."""
    parts = (re.escape(p) for p in pattern.casefold().split("*"))
    return re.fullmatch(".*".join(parts), value.casefold(), re.DOTALL) is not None


@given(
    st.text(alphabet="ab*", max_size=8),
    st.text(alphabet="abAB", max_size=12),
)
def test_wildcards_mean_what_a_regex_would(pattern: str, value: str) -> None:
    predicate = compile_filter(f"name:{json.dumps(pattern)}", KNOWN)
    assert predicate({"name": value}) is _reference(pattern, value)


@pytest.mark.timeout(20)
def test_many_wildcards_take_linear_time() -> None:
    # A backtracking regex needs about len(value) ** stars steps here: it would never end.
    predicate = compile_filter("name:*a*a*a*a*a*a*a*a*a*a*a*a*b", KNOWN)
    assert predicate({"name": "a" * 200_000}) is False
    assert predicate({"name": "a" * 200_000 + "b"}) is True


def test_filters_have_length_and_term_limits() -> None:
    with pytest.raises(FilterError, match="longer than 4096 characters"):
        compile_filter("name:" + "x" * 5000, KNOWN)
    with pytest.raises(FilterError, match="more than 32 terms"):
        compile_filter(",".join(["name:x"] * 33), KNOWN)
