"""Acceptance: the official ``strongdm`` 18.4.0 client, unchanged, against ``aiosdm serve``
running as its own process (tests/testing covers the same ground in-process, in more depth)."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from .._serve import serving_sync

strongdm = pytest.importorskip("strongdm")


def official(creds: dict[str, str], **kw: Any) -> Any:
    return strongdm.Client(
        kw.pop("access_key", creds["access_key"]),
        kw.pop("secret_key", creds["secret_key"]),
        host=creds["host"],
        insecure=True,
        **kw,
    )


def test_official_client_end_to_end_against_aiosdm_serve(tmp_path: Path) -> None:
    with serving_sync(tmp_path) as (_, creds):
        client = official(creds)
        users = [
            client.accounts.create(
                strongdm.User(email=f"u{i}@example.com", first_name="U", last_name=str(i))
            ).account
            for i in range(5)
        ]
        db = client.resources.create(
            strongdm.Postgres(
                name="pg",
                hostname="h",
                username="u",
                password="p",
                database="d",
                port=5432,
                tags={"env": "dev"},
            )
        ).resource
        before = datetime.now(UTC)  # the role below is created after this, a round trip later
        role = client.roles.create(
            strongdm.Role(name="devs", access_rules=[{"tags": {"env": "dev"}}])
        ).role
        client.account_attachments.create(
            strongdm.AccountAttachment(account_id=users[0].id, role_id=role.id)
        )
        now = datetime.now(UTC)
        client.account_grants.create(
            strongdm.AccountGrant(
                resource_id=db.id,
                account_id=users[1].id,
                start_from=now,
                valid_until=now + timedelta(hours=1),
            )
        )
        reach = list(client.account_resources.list("account_id:?", users[0].id))
        assert [r.resource_id for r in reach] == [db.id]

        assert [u.id for u in client.accounts.list("email:?", "u3@example.com")] == [users[3].id]
        paged = official(creds, page_limit=2)
        assert len(list(paged.accounts.list("type:user"))) == 5

        role.access_rules = [{"type": "postgres"}]
        client.roles.update(role)
        assert list(client.snapshot_at(before).roles.list("")) == []
        assert client.snapshot_at(now).roles.get(role.id).role.access_rules == [
            {"tags": {"env": "dev"}}
        ]
        assert len(list(client.roles_history.list("id:?", role.id))) == 2

        store = client.secret_stores.create(strongdm.StrongVaultStore(name="vault")).secret_store
        engine = client.secret_engines.create(
            strongdm.KeyValueEngine(
                name="kv", secret_store_id=store.id, secret_store_root_path="kv"
            )
        ).secret_engine
        secret = client.managed_secrets.create(
            strongdm.ManagedSecret(name="pw", secret_engine_id=engine.id, value=b"hunter2")
        ).managed_secret
        assert client.managed_secrets.retrieve(secret.id).managed_secret.value == b"hunter2"

        forged = official(creds, secret_key=base64.b64encode(os.urandom(32)).decode())
        with pytest.raises(strongdm.errors.AuthenticationError):
            forged.accounts.get(users[0].id)


def test_official_client_sees_rate_limit_errors_from_aiosdm_serve(tmp_path: Path) -> None:
    with serving_sync(tmp_path, "--rate-limit", "2", "--rate-limit-period", "60") as (_, creds):
        client = official(creds, retry_rate_limit_errors=False)
        list(client.roles.list(""))  # lists are lazy: list() makes the calls
        list(client.roles.list(""))
        with pytest.raises(strongdm.errors.RateLimitError) as err:
            list(client.roles.list(""))
        assert err.value.rate_limit.limit == 2 and err.value.rate_limit.remaining == 0
