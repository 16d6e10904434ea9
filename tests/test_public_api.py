"""The public API of ``aiosdm`` is deliberate: this test pins it."""

from __future__ import annotations

import aiosdm
from aiosdm import models

CURATED = [
    "API_VERSION",
    "Call",
    "Client",
    "Credentials",
    "CredentialsProvider",
    "Handler",
    "Interceptor",
    "Outbound",
    "RetryBudget",
    "RetryPolicy",
    "SnapshotClient",
    "StaticCredentials",
    "__version__",
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


def test_errors_mirror_the_official_names() -> None:
    assert set(aiosdm.errors.__all__) >= {
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
    }
