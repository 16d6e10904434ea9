"""Acceptance: the official ``strongdm`` 18.4.0 client, unchanged, against LocalServer."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from aiosdm._generated import models
from aiosdm.testing import RateLimit, ThreadedServer

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]


def _user(email: str, **kw: Any) -> Any:
    return strongdm.User(email=email, first_name="First", last_name="Last", **kw)


def test_crud_of_users_resources_roles_attachments_grants(official: Official) -> None:
    client = official()
    user = client.accounts.create(_user("alice@example.com", tags={"team": "db"})).account
    assert user.id.startswith("a-") and user.email == "alice@example.com"
    assert user.created_at is not None and user.permission_level == "user"

    pg = client.resources.create(
        strongdm.Postgres(
            name="pg-dev",
            hostname="db.internal",
            username="u",
            password="p",
            database="app",
            port=5432,
            tags={"env": "dev"},
        )
    ).resource
    assert pg.id.startswith("rs-") and pg.tags == {"env": "dev"}
    assert isinstance(client.resources.get(pg.id).resource, strongdm.Postgres)

    role = client.roles.create(
        strongdm.Role(name="dev-dbs", access_rules=[{"type": "postgres", "tags": {"env": "dev"}}])
    ).role
    assert role.id.startswith("r-")
    attachment = client.account_attachments.create(
        strongdm.AccountAttachment(account_id=user.id, role_id=role.id)
    ).account_attachment
    assert attachment.id.startswith("aa-")

    other = client.resources.create(
        strongdm.RawTCP(name="tcp", hostname="h", port=22, tags={"env": "prod"})
    ).resource
    now = datetime.now(UTC)
    grant = client.account_grants.create(
        strongdm.AccountGrant(
            account_id=user.id,
            resource_id=other.id,
            start_from=now - timedelta(minutes=1),
            valid_until=now + timedelta(hours=1),
        )
    ).account_grant
    assert grant.id.startswith("ag-")

    reached = {
        (r.resource_id, r.role_id, r.account_grant_id)
        for r in client.account_resources.list("account_id:?", user.id)
    }
    assert reached == {(pg.id, role.id, ""), (other.id, "", grant.id)}
    assert [r.resource_id for r in client.role_resources.list("role_id:?", role.id)] == [pg.id]

    user.first_name = "Alicia"
    assert client.accounts.update(user).account.first_name == "Alicia"
    client.account_attachments.delete(attachment.id)
    reached_after = [r.resource_id for r in client.account_resources.list("account_id:?", user.id)]
    assert reached_after == [other.id]

    with pytest.raises(strongdm.errors.AlreadyExistsError):
        client.accounts.create(_user("ALICE@example.com"))
    with pytest.raises(strongdm.errors.NotFoundError):
        client.roles.get("r-missing")
    with pytest.raises(strongdm.errors.BadRequestError, match="first_name"):
        client.accounts.create(strongdm.User(email="bob@example.com", last_name="B"))
    with pytest.raises(strongdm.errors.NotFoundError):
        client.account_attachments.create(
            strongdm.AccountAttachment(account_id=user.id, role_id="r-missing")
        )


def test_grants_count_only_within_their_window(official: Official) -> None:
    client = official()
    user = client.accounts.create(_user("g@example.com")).account
    now = datetime.now(UTC)
    rs = [
        client.resources.create(strongdm.RawTCP(name=f"r{i}", hostname="h", port=1)).resource
        for i in range(3)
    ]
    windows = [
        (now - timedelta(hours=2), now - timedelta(hours=1)),  # over
        (now - timedelta(minutes=1), now + timedelta(hours=1)),  # in force
        (now + timedelta(hours=1), now + timedelta(hours=2)),  # not yet
    ]
    for resource, (start, end) in zip(rs, windows, strict=True):
        client.account_grants.create(
            strongdm.AccountGrant(
                account_id=user.id, resource_id=resource.id, start_from=start, valid_until=end
            )
        )
    listed = [r.resource_id for r in client.account_resources.list("account_id:?", user.id)]
    assert listed == [rs[1].id]
    with pytest.raises(strongdm.errors.AlreadyExistsError):
        client.account_grants.create(
            strongdm.AccountGrant(
                account_id=user.id,
                resource_id=rs[1].id,
                start_from=now,
                valid_until=now + timedelta(minutes=5),
            )
        )


def test_filters_and_page_limit_pagination(threaded: ThreadedServer, official: Official) -> None:
    client = official()
    seeded = [
        models.User(
            email=f"user{i}@example.com", first_name="F", last_name="L", tags={"n": str(i % 2)}
        )
        for i in range(10)
    ]
    threaded.call(threaded.server.seed, seeded)
    client.accounts.create(strongdm.Service(name="svc 'one', \"quoted\""))

    assert len(list(client.accounts.list("type:user"))) == 10
    assert [a.email for a in client.accounts.list("email:?", "user3@example.com")] == [
        "user3@example.com"
    ]
    assert len(list(client.accounts.list("email:USER*@EXAMPLE.com,tags:n=1"))) == 5
    assert [a.name for a in client.accounts.list("name:?", "svc 'one', \"quoted\"")] == [
        "svc 'one', \"quoted\""
    ]
    with pytest.raises(strongdm.errors.BadRequestError, match="unknown filter field"):
        list(client.accounts.list("colour:blue"))
    client.accounts.create(_user("gone@example.com", permission_level="suspended"))
    assert [a.email for a in client.accounts.list("suspended:true")] == ["gone@example.com"]
    assert len(list(client.accounts.list("type:user,suspended:false"))) == 10

    before = threaded.server.calls["Accounts.List"]
    paged = official(page_limit=3)
    ids = [a.id for a in paged.accounts.list("")]
    assert len(ids) == len(set(ids)) == 12
    assert threaded.server.calls["Accounts.List"] - before >= 4


def test_snapshot_at_and_history(official: Official) -> None:
    client = official()
    user = client.accounts.create(_user("snap@example.com")).account
    role = client.roles.create(strongdm.Role(name="before")).role
    then = datetime.now(UTC)
    user.first_name = "Changed"
    client.accounts.update(user)
    role.name = "after"
    client.roles.update(role)
    client.accounts.delete(user.id)

    past = client.snapshot_at(then)
    assert past.accounts.get(user.id).account.first_name == "First"
    assert [r.name for r in past.roles.list("")] == ["before"]
    assert [a.id for a in past.accounts.list("")] == [user.id]
    with pytest.raises(strongdm.errors.NotFoundError):
        client.accounts.get(user.id)
    assert list(client.accounts.list("")) == []

    history = list(client.accounts_history.list("id:?", user.id))
    assert [h.account.first_name for h in history] == ["First", "Changed", "Changed"]
    assert [h.deleted_at is not None for h in history] == [False, False, True]
    assert len({h.activity_id for h in history}) == 3
    activity = client.activities.get(history[-1].activity_id).activity
    assert activity.verb == "account deleted"
    assert [e.id for e in activity.entities] == [user.id]
    assert [h.role.name for h in client.roles_history.list("")] == ["before", "after"]


def test_managed_secret_round_trip_through_the_official_encryption(official: Official) -> None:
    client = official()
    store = client.secret_stores.create(strongdm.StrongVaultStore(name="vault")).secret_store
    engine = client.secret_engines.create(
        strongdm.KeyValueEngine(
            name="kv", secret_store_id=store.id, secret_store_root_path="/secrets"
        )
    ).secret_engine
    assert engine.id.startswith("eng-")
    assert engine.public_key.startswith(b"-----BEGIN PUBLIC KEY-----")

    value = b'{"password": "s3cr3t"}'
    secret = client.managed_secrets.create(
        strongdm.ManagedSecret(name="db", secret_engine_id=engine.id, value=value)
    ).managed_secret
    assert secret.id.startswith("ms-") and secret.value == b""
    assert secret.secret_store_path == "/secrets/db"
    assert client.managed_secrets.retrieve(secret.id).managed_secret.value == value
    assert client.managed_secrets.get(secret.id).managed_secret.value == b""

    client.managed_secrets.rotate(secret.id)
    rotated = client.managed_secrets.retrieve(secret.id).managed_secret.value
    assert rotated and rotated != value
    actions = [log.action for log in client.managed_secrets.logs("managed_secret_id:?", secret.id)]
    assert actions == ["create", "retrieve", "rotate", "retrieve"]


def test_forged_signature_is_an_authentication_error(official: Official) -> None:
    forged = official(secret_key=base64.b64encode(os.urandom(32)).decode())
    with pytest.raises(strongdm.errors.AuthenticationError):
        forged.accounts.get("a-anything")
    unknown = official(access_key="auth-unknown")
    with pytest.raises(strongdm.errors.AuthenticationError):
        list(unknown.roles.list(""))


def test_token_keys_work_at_once_and_die_with_the_account(official: Official) -> None:
    admin = official()
    created = admin.accounts.create(
        strongdm.Token(name="ci", account_type="api", permissions=["user:list"])
    )
    assert created.access_key and created.secret_key
    as_token = official(access_key=created.access_key, secret_key=created.secret_key)
    assert [a.id for a in as_token.accounts.list("type:token")] == [created.account.id]
    admin.accounts.delete(created.account.id)
    with pytest.raises(strongdm.errors.AuthenticationError):
        list(as_token.accounts.list(""))


def test_rate_limit_error_carries_the_metadata(
    threaded: ThreadedServer, official: Official
) -> None:
    client = official(retry_rate_limit_errors=False)
    threaded.server.rate_limit = RateLimit(3, period=60)
    for _ in range(3):
        list(client.roles.list(""))
    with pytest.raises(strongdm.errors.RateLimitError) as caught:
        client.roles.get("r-any")
    meta = caught.value.rate_limit
    assert meta.limit == 3 and meta.remaining == 0
    assert meta.bucket.startswith("api-key:")
    assert meta.reset_at > datetime.now(UTC)
