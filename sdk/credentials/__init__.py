"""Credential providers: where the client gets its API key pair, and how it rotates.

Every provider has ``async get()`` (asked on every call attempt, cheap) and
``async refresh()`` (asked once when the service rejected the key):

- :class:`StaticCredentials`, :class:`EnvCredentials` (``SDM_API_ACCESS_KEY`` /
  ``SDM_API_SECRET_KEY``) and :class:`FileCredentials` (JSON, re-read when it changes);
- rotating sources, :class:`AwsSecretsManager` and :class:`AliyunSecretsManager`, fetch on
  a schedule (interval + jitter, moved by rotation hints in the secret) and on demand, one
  fetch at a time; a value that announces its expiry is renewed when a
  :class:`RefreshPolicy` says. Use them with ``async with`` (or ``close()``) to stop their
  schedule.

Rotation hints a secret's JSON may carry: ``refreshInterval`` (``"3600s"``),
``scheduleRotateTimestamp`` (epoch seconds) and ``ExpireTimestamp`` (ISO 8601), or
``refresh_interval`` / ``next_rotation`` / ``expires_at``.

Aliyun APIs (:class:`AliyunClient`, for KMS and others) take an access key, managed RAM
credentials (:class:`AliyunManagedAccessKey`), the ECS instance's RAM role
(:class:`AliyunEcsRamRole`) or a KMS client key (:class:`AliyunClientKeyFile`), and derive
their endpoint from a region (:func:`aliyun_endpoint`).

The AWS source needs the ``aws`` extra, the Aliyun ones the ``aliyun`` extra; they are
imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from aiosdm._credentials import Credentials, CredentialsProvider, StaticCredentials
from aiosdm._extras import MissingExtraError, has_modules
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy
from aiosdm._status import ExpiredPredicate, is_unauthenticated
from aiosdm.credentials._env import EnvCredentials
from aiosdm.credentials._errors import (
    CredentialsError,
    CredentialsNotFoundError,
    CredentialsRefreshError,
    SecretFormatError,
)
from aiosdm.credentials._file import FileCredentials
from aiosdm.credentials._rotating import Fetched, RotatingSource, Schedule
from aiosdm.credentials._secret_document import RotationHints
from aiosdm.credentials._token_bucket import TokenBucket

if TYPE_CHECKING:
    from aiosdm.credentials._aliyun_client import (
        AliyunAccessKey,
        AliyunAccessKeyProvider,
        AliyunApiError,
        AliyunClient,
        StaticAliyunAccessKey,
        aliyun_endpoint,
        is_access_key_expired,
    )
    from aiosdm.credentials._aliyun_client_key import AliyunClientKey, AliyunClientKeyFile
    from aiosdm.credentials._aliyun_ecs import AliyunEcsRamRole
    from aiosdm.credentials._aliyun_secrets_manager import (
        AliyunManagedAccessKey,
        AliyunSecretsManager,
        KmsSecret,
        get_secret_value,
    )
    from aiosdm.credentials._aws_secrets_manager import AwsSecretsManager

__all__ = [
    "Credentials",
    "CredentialsError",
    "CredentialsNotFoundError",
    "CredentialsProvider",
    "CredentialsRefreshError",
    "EnvCredentials",
    "ExpiredPredicate",
    "Fetched",
    "FileCredentials",
    "RefreshMoments",
    "RefreshPolicy",
    "RotatingSource",
    "RotationHints",
    "Schedule",
    "SecretFormatError",
    "StaticCredentials",
    "TokenBucket",
    "is_unauthenticated",
]
# Names from the extras are exported only when their extra is installed, so that
# `from aiosdm.credentials import *` works on a base install.
if has_modules("aiobotocore"):
    __all__ += [
        "AwsSecretsManager",
    ]
if has_modules("aiohttp"):
    __all__ += [
        "AliyunAccessKey",
        "AliyunAccessKeyProvider",
        "AliyunApiError",
        "AliyunClient",
        "AliyunClientKey",
        "AliyunClientKeyFile",
        "AliyunEcsRamRole",
        "AliyunManagedAccessKey",
        "AliyunSecretsManager",
        "KmsSecret",
        "StaticAliyunAccessKey",
        "aliyun_endpoint",
        "get_secret_value",
        "is_access_key_expired",
    ]

# The extra each optional module needs, and the names it provides (imported on first access).
_EXTRAS = {
    "_aws_secrets_manager": "aws",
    "_aliyun_secrets_manager": "aliyun",
    "_aliyun_client": "aliyun",
    "_aliyun_client_key": "aliyun",
    "_aliyun_ecs": "aliyun",
}
_LAZY = {
    "AwsSecretsManager": "_aws_secrets_manager",
    "AliyunManagedAccessKey": "_aliyun_secrets_manager",
    "AliyunSecretsManager": "_aliyun_secrets_manager",
    "KmsSecret": "_aliyun_secrets_manager",
    "get_secret_value": "_aliyun_secrets_manager",
    "AliyunAccessKey": "_aliyun_client",
    "AliyunAccessKeyProvider": "_aliyun_client",
    "AliyunApiError": "_aliyun_client",
    "AliyunClient": "_aliyun_client",
    "StaticAliyunAccessKey": "_aliyun_client",
    "aliyun_endpoint": "_aliyun_client",
    "is_access_key_expired": "_aliyun_client",
    "AliyunClientKey": "_aliyun_client_key",
    "AliyunClientKeyFile": "_aliyun_client_key",
    "AliyunEcsRamRole": "_aliyun_ecs",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        imported = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as err:
        if err.name is None or err.name.startswith("aiosdm"):
            raise  # a broken install, not a missing extra
        raise MissingExtraError(
            f"{__name__}.{name}", _EXTRAS[module], err.name.split(".")[0]
        ) from None
    value = getattr(imported, name)
    globals()[name] = value
    return value
