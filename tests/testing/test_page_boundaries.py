"""Exact page boundaries: with nothing written meanwhile, paging through a list at any limit
gives exactly the rows one big page gives, in order, in pages that are full but for the last.

Concatenations alone are not enough: a server that skips the row just after each cursor
still returns a plausible-looking history, so every page's rows are compared with the
writes this test made, page by page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from google.protobuf.message import Message

from aiosdm._generated.v1 import activities_pb2, roles_history_pb2, roles_pb2
from aiosdm.testing import LocalServer, WireClient

PAGE_SIZE, MAX_PAGE_SIZE = 3, 5
#: Enough pages for any listing here: a server whose cursor never ends fails, not hangs.
MAX_PAGES = 100


@dataclass(frozen=True)
class Written:
    """What this module's writes left behind, in the order they happened."""

    #: (role id, name, deleted) of every version of every role, oldest first.
    versions: list[tuple[str, str, bool]]
    #: The verb of every activity, oldest first.
    verbs: list[str]
    #: Ids of the roles that exist now, in id order.
    current: list[str]
    #: (role id, name) of the roles as they were at ``snapshot``, in id order.
    before: list[tuple[str, str]]
    snapshot: Any  # a Timestamp between the creates and the updates


@pytest.fixture
async def small_pages() -> AsyncIterator[LocalServer]:
    # Small defaults, so that limit 0 and a limit above the maximum show in a few rows.
    async with LocalServer(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE) as local:
        yield local


@pytest.fixture
async def written(small_pages: LocalServer) -> AsyncIterator[tuple[WireClient, Written]]:
    server = small_pages
    async with WireClient(server.host, server.access_key, server.secret_key) as wire:
        versions: list[tuple[str, str, bool]] = []
        verbs: list[str] = []
        ids: list[str] = []
        for i in range(7):
            name = f"keep-{i}" if i % 2 else f"drop-{i}"
            created = await wire.call(
                "Roles.Create", roles_pb2.RoleCreateRequest(role={"name": name})
            )
            ids.append(created.role.id)
            versions.append((created.role.id, name, False))
            verbs.append("role created")
        before = [(ident, name) for ident, name, _ in versions]
        # The instant the last create was written: a snapshot there sees the seven roles.
        last = roles_history_pb2.RoleHistoryListRequest(filter=f"id:{ids[-1]}")
        [created_last] = (await wire.call("RolesHistory.List", last)).history
        snapshot = created_last.timestamp
        for i in range(4):
            update = roles_pb2.RoleUpdateRequest(id=ids[i])
            update.role.id, update.role.name = ids[i], f"keep-renamed-{i}"
            await wire.call("Roles.Update", update)
            versions.append((ids[i], f"keep-renamed-{i}", False))
            verbs.append("role updated")
        for ident in ids[4:6]:
            name = next(n for i, n, _ in reversed(versions) if i == ident)
            await wire.call("Roles.Delete", roles_pb2.RoleDeleteRequest(id=ident))
            versions.append((ident, name, True))
            verbs.append("role deleted")
        current = sorted(set(ids) - set(ids[4:6]))
        yield wire, Written(versions, verbs, current, sorted(before), snapshot)


async def _pages(wire: WireClient, method: str, request: Message, items: str) -> list[list[Any]]:
    """Every page of one listing, following cursors (at most :data:`MAX_PAGES`)."""
    pages: list[list[Any]] = []
    for _ in range(MAX_PAGES):
        reply = await wire.call(method, request)
        pages.append(list(getattr(reply, items)))
        if not reply.meta.next_cursor:
            return pages
        request.meta.cursor = reply.meta.next_cursor  # type: ignore[attr-defined]
    raise AssertionError(f"{method}: still a cursor after {MAX_PAGES} pages")


def _sizes(total: int, limit: int) -> list[int]:
    """Page sizes of an unfiltered listing of ``total`` rows: full pages, then the rest
    (no trailing empty page: the server looks one row ahead)."""
    full, rest = divmod(total, limit)
    return [limit] * full + ([rest] if rest or not full else [])


def _effective(limit: int) -> int:
    return min(limit or PAGE_SIZE, MAX_PAGE_SIZE)


LIMITS = [0, 1, 2, 3, 4, 5, 6, 1000]


def _version(record: Any) -> tuple[str, str, bool]:
    return record.role.id, record.role.name, record.HasField("deleted_at")


def _role(role: Any) -> tuple[str, str]:
    return role.id, role.name


@pytest.mark.parametrize("limit", LIMITS)
async def test_history_pages_hold_every_version_once_at_any_limit(
    written: tuple[WireClient, Written], limit: int
) -> None:
    wire, state = written
    request = roles_history_pb2.RoleHistoryListRequest()
    request.meta.limit = limit
    pages = await _pages(wire, "RolesHistory.List", request, "history")
    assert [[_version(r) for r in page] for page in pages] == _split(
        state.versions, _sizes(len(state.versions), _effective(limit))
    )


@pytest.mark.parametrize("limit", LIMITS)
async def test_activity_pages_hold_every_write_once_at_any_limit(
    written: tuple[WireClient, Written], limit: int
) -> None:
    wire, state = written
    request = activities_pb2.ActivityListRequest()
    request.meta.limit = limit
    pages = await _pages(wire, "Activities.List", request, "activities")
    assert [[a.verb for a in page] for page in pages] == _split(
        state.verbs, _sizes(len(state.verbs), _effective(limit))
    )


@pytest.mark.parametrize("limit", LIMITS)
async def test_current_and_snapshot_pages_at_any_limit(
    written: tuple[WireClient, Written], limit: int
) -> None:
    wire, state = written
    now = roles_pb2.RoleListRequest()
    now.meta.limit = limit
    pages = await _pages(wire, "Roles.List", now, "roles")
    assert [[r.id for r in page] for page in pages] == _split(
        state.current, _sizes(len(state.current), _effective(limit))
    )
    then = roles_pb2.RoleListRequest()
    then.meta.limit = limit
    then.meta.snapshot_at.CopyFrom(state.snapshot)
    pages = await _pages(wire, "Roles.List", then, "roles")
    assert [[_role(r) for r in page] for page in pages] == _split(
        state.before, _sizes(len(state.before), _effective(limit))
    )


FILTERED: list[tuple[str, Callable[[], Any], str, Callable[[Any], Any]]] = [
    ("RolesHistory.List", roles_history_pb2.RoleHistoryListRequest, "history", _version),
    ("Roles.List", roles_pb2.RoleListRequest, "roles", _role),
]


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
@pytest.mark.parametrize(("method", "make", "items", "key"), FILTERED, ids=[f[0] for f in FILTERED])
async def test_filtered_pages_skip_only_what_the_filter_drops(
    written: tuple[WireClient, Written],
    limit: int,
    method: str,
    make: Callable[[], Any],
    items: str,
    key: Callable[[Any], Any],
) -> None:
    wire, state = written
    request = make()
    request.filter = "name:keep*"
    request.meta.limit = limit
    pages = await _pages(wire, method, request, items)
    if method == "Roles.List":
        names = dict((i, n) for i, n, deleted in state.versions if not deleted)
        wanted: list[Any] = [(i, names[i]) for i in state.current if names[i].startswith("keep")]
    else:
        wanted = [v for v in state.versions if v[1].startswith("keep")]
    assert [key(r) for page in pages for r in page] == wanted
    # Full pages but for the last, which may be empty when rows the filter drops follow the
    # last match (the server cannot know they all fail without reading them).
    assert all(len(page) == limit for page in pages[:-1])
    assert len(pages) <= len(wanted) // limit + 1


def _split(rows: list[Any], sizes: list[int]) -> list[list[Any]]:
    out, at = [], 0
    for size in sizes:
        out.append(rows[at : at + size])
        at += size
    assert at == len(rows)
    return out
