"""aiosdm: an asyncio SDK for the strongDM API (v1).

``async with aiosdm.Client.from_env() as client:`` then ``await client.accounts.get(id)``,
``async for user in client.accounts.list("email:?", email)``, ...; models such as
``aiosdm.User``, ``aiosdm.Postgres`` and ``aiosdm.AccountGrant`` are importable from here and
from :mod:`aiosdm.models`. Errors live in :mod:`aiosdm.errors`, the call chain in
:mod:`aiosdm.interceptors`, credential providers in :mod:`aiosdm.credentials`, and a local
control plane for tests in :mod:`aiosdm.testing`.

As in the official SDK, the error classes (``aiosdm.NotFoundError``, ...), the constant classes
of :mod:`aiosdm.constants` (``aiosdm.PermissionLevel``, ...) and the ``DEFAULT_*`` retry
settings are importable from here too.

Names load on first use (PEP 562), so ``import aiosdm`` is cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from aiosdm import models as models
from aiosdm._version import __version__ as __version__

if TYPE_CHECKING:
    # Models come from aiosdm._generated.models, not aiosdm.models: that __all__ is a generated
    # literal of the same names (aiosdm.models computes its own, which checkers cannot follow),
    # so aiosdm.User is the real class to a type checker, not Any.
    from aiosdm import constants as constants
    from aiosdm import errors as errors
    from aiosdm._credentials import Credentials as Credentials
    from aiosdm._credentials import CredentialsProvider as CredentialsProvider
    from aiosdm._credentials import StaticCredentials as StaticCredentials
    from aiosdm._generated.models import *  # noqa: F403  (every model: models.__all__)
    from aiosdm._signing import API_VERSION as API_VERSION
    from aiosdm.client import Client as Client
    from aiosdm.constants import *  # noqa: F403  (listed in _CONSTANTS)
    from aiosdm.errors import AlreadyExistsError as AlreadyExistsError
    from aiosdm.errors import AuthenticationError as AuthenticationError
    from aiosdm.errors import BadRequestError as BadRequestError
    from aiosdm.errors import InternalError as InternalError
    from aiosdm.errors import NotFoundError as NotFoundError
    from aiosdm.errors import PermissionError as PermissionError
    from aiosdm.errors import RateLimitError as RateLimitError
    from aiosdm.errors import RPCError as RPCError
    from aiosdm.errors import TimeoutError as TimeoutError
    from aiosdm.errors import UnknownError as UnknownError
    from aiosdm.interceptors import Call as Call
    from aiosdm.interceptors import Handler as Handler
    from aiosdm.interceptors import Interceptor as Interceptor
    from aiosdm.interceptors import Outbound as Outbound
    from aiosdm.interceptors import RetryBudget as RetryBudget
    from aiosdm.interceptors import RetryPolicy as RetryPolicy
    from aiosdm.snapshot import SnapshotClient as SnapshotClient

# Everything aiosdm.constants exports (a test checks the two lists agree): listed here so that
# importing aiosdm does not load that module.
_CONSTANTS = (
    "APIHost",
    "ActivityEntityType",
    "ActivityVerb",
    "ApproverReference",
    "AuthProvider",
    "CaptureType",
    "DEFAULT_BASE_RETRY_DELAY",
    "DEFAULT_MAX_RETRY_DELAY",
    "DEFAULT_RETRY_FACTOR",
    "DEFAULT_RETRY_JITTER",
    "DeviceTrustProvider",
    "InitiatorType",
    "LogLocalEncoder",
    "LogLocalFormat",
    "LogLocalStorage",
    "LogRemoteEncoder",
    "MFAProvider",
    "NodeState",
    "OrgKind",
    "Permission",
    "PermissionLevel",
    "Provider",
    "QueryCategory",
    "ResourceIPAllocationMode",
    "SCIMProvider",
    "SSHKeyType",
)
# The official SDK's ten error classes (aiosdm.errors has more: StatusCode, EncryptionError).
_ERRORS = (
    "AlreadyExistsError",
    "AuthenticationError",
    "BadRequestError",
    "InternalError",
    "NotFoundError",
    "PermissionError",
    "RPCError",
    "RateLimitError",
    "TimeoutError",
    "UnknownError",
)

# name -> (module, attribute); attribute None means the module itself.
_LAZY: dict[str, tuple[str, str | None]] = {
    "API_VERSION": ("aiosdm._signing", "API_VERSION"),
    "Call": ("aiosdm.interceptors", "Call"),
    "Client": ("aiosdm.client", "Client"),
    "Credentials": ("aiosdm._credentials", "Credentials"),
    "CredentialsProvider": ("aiosdm._credentials", "CredentialsProvider"),
    "Handler": ("aiosdm.interceptors", "Handler"),
    "Interceptor": ("aiosdm.interceptors", "Interceptor"),
    "Outbound": ("aiosdm.interceptors", "Outbound"),
    "RetryBudget": ("aiosdm.interceptors", "RetryBudget"),
    "RetryPolicy": ("aiosdm.interceptors", "RetryPolicy"),
    "SnapshotClient": ("aiosdm.snapshot", "SnapshotClient"),
    "StaticCredentials": ("aiosdm._credentials", "StaticCredentials"),
    "constants": ("aiosdm.constants", None),
    "errors": ("aiosdm.errors", None),
    **{name: ("aiosdm.constants", name) for name in _CONSTANTS},
    **{name: ("aiosdm.errors", name) for name in _ERRORS},
}

# Curated names first (alphabetical), then every model.
__all__ = [*sorted([*_LAZY, "__version__", "models"]), *models.__all__]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = importlib.import_module(module)
        if attribute is not None:
            value = getattr(value, attribute)
    elif name in models.__all__:
        value = getattr(models, name)
    else:
        raise AttributeError(f"module 'aiosdm' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
