"""The public API of ``aiosdm`` is deliberate: this test pins it."""

from __future__ import annotations

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
