"""The public API of ``aiosdm`` is deliberate: this test pins it."""

from __future__ import annotations

import copy
import pickle
import types
import typing
from datetime import datetime
from typing import Any

import aiosdm
from aiosdm import models

CURATED = [
    "APIHost",
    "API_VERSION",
    "ActivityEntityType",
    "ActivityVerb",
    "AlreadyExistsError",
    "ApproverReference",
    "AuthProvider",
    "AuthenticationError",
    "BadRequestError",
    "Call",
    "CaptureType",
    "Client",
    "Credentials",
    "CredentialsProvider",
    "DEFAULT_BASE_RETRY_DELAY",
    "DEFAULT_MAX_RETRY_DELAY",
    "DEFAULT_RETRY_FACTOR",
    "DEFAULT_RETRY_JITTER",
    "DeviceTrustProvider",
    "Handler",
    "InitiatorType",
    "Interceptor",
    "InternalError",
    "LogLocalEncoder",
    "LogLocalFormat",
    "LogLocalStorage",
    "LogRemoteEncoder",
    "MFAProvider",
    "NodeState",
    "NotFoundError",
    "OrgKind",
    "Outbound",
    "Permission",
    "PermissionError",
    "PermissionLevel",
    "Provider",
    "QueryCategory",
    "RPCError",
    "RateLimitError",
    "ResourceIPAllocationMode",
    "RetryBudget",
    "RetryPolicy",
    "SCIMProvider",
    "SSHKeyType",
    "SnapshotClient",
    "StaticCredentials",
    "TimeoutError",
    "UnknownError",
    "__version__",
    "constants",
    "errors",
    "models",
]


def test_all_is_the_curated_list_plus_every_model() -> None:
    assert aiosdm.__all__ == CURATED + models.__all__
    assert len(set(aiosdm.__all__)) == len(aiosdm.__all__)
    for name in aiosdm.__all__:
        assert hasattr(aiosdm, name), name


def test_models_keep_the_official_names() -> None:
    for name in (
        "User",
        "Service",
        "Token",
        "Role",
        "AccountGrant",
        "AccountAttachment",
        "Postgres",
        "Relay",
        "Gateway",
        "ManagedSecret",
        "KeyValueEngine",
        "RateLimitMetadata",
        "AccountCreateResponse",
        "UnknownResource",
    ):
        assert name in models.__all__
    assert "BINDINGS" not in models.__all__


OFFICIAL_ERRORS = [
    "RPCError",
    "NotFoundError",
    "AlreadyExistsError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionError",
    "InternalError",
    "RateLimitError",
    "TimeoutError",
    "UnknownError",
]


def test_errors_mirror_the_official_names() -> None:
    assert set(aiosdm.errors.__all__) >= set(OFFICIAL_ERRORS)


def test_the_official_errors_are_importable_from_aiosdm_too() -> None:
    for name in OFFICIAL_ERRORS:
        assert getattr(aiosdm, name) is getattr(aiosdm.errors, name), name
    assert issubclass(aiosdm.NotFoundError, aiosdm.RPCError)


def test_constants_are_the_constants_modules() -> None:
    assert set(aiosdm.constants.__all__) <= set(aiosdm.__all__)


def _public_objects() -> list[tuple[str, Any]]:
    """Every class and function aiosdm exports (constants and modules are neither)."""
    return [
        (name, getattr(aiosdm, name))
        for name in aiosdm.__all__
        if isinstance(getattr(aiosdm, name), (type, types.FunctionType))
    ]


def test_public_names_report_aiosdm_as_their_module() -> None:
    public = _public_objects()
    assert len(public) > 300  # the curated classes and every model
    for name, value in public:
        assert value.__module__ == "aiosdm", name
        assert value.__qualname__ == name, name  # so pickle finds it as aiosdm.<name>
    assert repr(aiosdm.User) == "<class 'aiosdm.User'>"


def test_type_hints_of_public_classes_still_resolve() -> None:
    # The clients' service attributes are typed with names imported for type checkers only.
    lazy = {"Client", "SnapshotClient"}
    for name, value in _public_objects():
        if isinstance(value, type) and name not in lazy:
            typing.get_type_hints(value)  # NameError if they looked in aiosdm's namespace
    hints = typing.get_type_hints(aiosdm.AccountCreateResponse)
    assert hints["account"] is aiosdm.Account
    assert hints["rate_limit"] is aiosdm.RateLimitMetadata
    assert typing.get_type_hints(aiosdm.AccountGrant)["valid_until"] == datetime | None


def test_public_objects_pickle_copy_and_repr_as_before() -> None:
    user = aiosdm.User(email="alice@example.com", first_name="Alice")
    response = aiosdm.AccountCreateResponse(account=user, access_key="ak")
    unknown = aiosdm.UnknownResource(raw=b"\x0a\x00", field_number=1)
    values = [
        user,
        response,
        unknown,
        aiosdm.RetryPolicy(base_delay=0.5),
        aiosdm.PermissionLevel.ADMIN,
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value, value
        assert copy.deepcopy(value) == value, value
        assert copy.copy(value) == value, value
    credentials = pickle.loads(pickle.dumps(aiosdm.StaticCredentials("key", "c2VjcmV0")))
    assert repr(credentials) == "StaticCredentials(access_key='key')"
    assert repr(user).startswith("User(created_at=None, id=''")
    error = pickle.loads(pickle.dumps(aiosdm.NotFoundError("cannot find account 'a-1'")))
    assert type(error) is aiosdm.NotFoundError and error.code == 5
    assert repr(error) == "NotFoundError(msg=\"cannot find account 'a-1'\", code=5)"
    for name, value in _public_objects():
        assert pickle.loads(pickle.dumps(value)) is value, name
    # The converters still find each model's message (and not a class of the same name).
    assert models.from_message(aiosdm.User, models.to_message(user)) == user
