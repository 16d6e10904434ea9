"""Acceptance: permissions as the service has them, with the official ``strongdm`` client
against an ``aiosdm serve`` process. A Token's key may make the calls its permissions
allow and gets ``PermissionError`` (changing nothing) for the rest; expired, suspended
and deleted Tokens' keys get ``AuthenticationError`` at once; AccountPermissions lists
what the Token holds; the admin key ``aiosdm serve`` writes does everything (every
method with it: test_every_official_method.py)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from .test_serve_official_client import official, serve

strongdm = pytest.importorskip("strongdm")


def test_a_tokens_key_may_do_what_its_permissions_allow_and_no_more(tmp_path: Path) -> None:
    with serve(tmp_path) as creds:
        admin = official(creds)
        alice = admin.accounts.create(
            strongdm.User(email="alice@example.com", first_name="Alice", last_name="L")
        ).account
        created = admin.accounts.create(
            strongdm.Token(name="reader", account_type="api", permissions=["user:list"])
        )
        reader = official(creds, access_key=created.access_key, secret_key=created.secret_key)
        assert [u.id for u in reader.accounts.list("type:user")] == [alice.id]

        with pytest.raises(strongdm.errors.PermissionError) as caught:
            reader.roles.create(strongdm.Role(name="sneaky"))
        assert "role:create" in str(caught.value)
        with pytest.raises(strongdm.errors.PermissionError):
            reader.accounts.create(strongdm.Token(name="mine", account_type="api"))
        with pytest.raises(strongdm.errors.PermissionError):
            reader.accounts.delete(alice.id)
        assert list(admin.roles.list("")) == []
        assert [a.name for a in admin.accounts.list("type:token")] == ["reader"]
        assert admin.accounts.get(alice.id).account.id == alice.id

        rows = admin.account_permissions.list("account_id:?", created.account.id)
        assert [r.permission for r in rows] == ["user:list"]

        admin.accounts.delete(created.account.id)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(reader.accounts.list(""))


def test_expired_and_suspended_tokens_are_refused(tmp_path: Path) -> None:
    with serve(tmp_path) as creds:
        admin = official(creds)
        past = admin.accounts.create(
            strongdm.Token(
                name="past",
                account_type="api",
                permissions=["user:list"],
                deadline=datetime.now(UTC) - timedelta(minutes=1),
            )
        )
        late = official(creds, access_key=past.access_key, secret_key=past.secret_key)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(late.accounts.list(""))

        brief = admin.accounts.create(
            strongdm.Token(
                name="brief",
                account_type="api",
                permissions=["user:list"],
                duration=timedelta(seconds=2),
            )
        )
        short = official(creds, access_key=brief.access_key, secret_key=brief.secret_key)
        assert len(list(short.accounts.list("type:token"))) == 2
        ends = brief.account.created_at + timedelta(seconds=2)
        time.sleep(max(0.0, (ends - datetime.now(UTC)).total_seconds()) + 0.05)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(short.accounts.list(""))

        live = admin.accounts.create(
            strongdm.Token(name="live", account_type="api", permissions=["user:list"])
        )
        key = official(creds, access_key=live.access_key, secret_key=live.secret_key)
        list(key.accounts.list(""))
        live.account.suspended = True
        admin.accounts.update(live.account)
        with pytest.raises(strongdm.errors.AuthenticationError):
            list(key.accounts.list(""))
