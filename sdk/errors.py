"""Errors raised by the client, named like the official SDK's.

Every failed call raises an :class:`RPCError` (``msg``, ``code``). Which subclass is
chosen from the gRPC status and the ``grpc-status-details-bin`` trailer, exactly as
the official SDK does it::

    RPCError                  any other status, or no status trailer at all
    ├── BadRequestError       INVALID_ARGUMENT (3)
    ├── NotFoundError         NOT_FOUND (5)
    ├── AlreadyExistsError    ALREADY_EXISTS (6)
    ├── PermissionError       PERMISSION_DENIED (7)
    ├── RateLimitError        RESOURCE_EXHAUSTED (8) with a v1.RateLimitMetadata detail
    ├── InternalError         INTERNAL (13)
    ├── AuthenticationError   UNAUTHENTICATED (16)
    ├── TimeoutError          DEADLINE_EXCEEDED (4), or the call's own deadline ran out
    ├── UnknownError          a failure that is not a gRPC status (2)
    └── EncryptionError       a secret value could not be en- or decrypted (client side; 9)

Messages come from the service (``google.rpc.Status.message``) or name the failure;
they never contain request contents, so secrets cannot leak through them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from google.rpc import status_pb2

from aiosdm._generated.models.spec import RateLimitMetadata, read_rate_limit_metadata
from aiosdm._generated.v1 import spec_pb2

__all__ = [
    "AlreadyExistsError",
    "AuthenticationError",
    "BadRequestError",
    "EncryptionError",
    "InternalError",
    "NotFoundError",
    "PermissionError",
    "RPCError",
    "RateLimitError",
    "TimeoutError",
    "UnknownError",
    "error_from_status",
]

# gRPC status codes by number (grpc.StatusCode values), kept here so the mapping
# reads without the grpc enum.
_CODE_NAMES = {
    0: "ok",
    1: "cancelled",
    2: "unknown",
    3: "invalid argument",
    4: "deadline exceeded",
    5: "not found",
    6: "already exists",
    7: "permission denied",
    8: "resource exhausted",
    9: "failed precondition",
    10: "aborted",
    11: "out of range",
    12: "unimplemented",
    13: "internal",
    14: "unavailable",
    15: "data loss",
    16: "unauthenticated",
}
_DEADLINE_EXCEEDED = 4
_RESOURCE_EXHAUSTED = 8
_STATUS_TRAILER_PREFIX = "grpc-status-details"
# Matched by the last segment of the type URL: the service packs it as
# ``type.googleapis.com/v1.RateLimitMetadata`` (its proto package is ``v1``).
_RATE_LIMIT_TYPE = "v1.RateLimitMetadata"


class RPCError(Exception):
    """A failed call: ``msg`` says what happened, ``code`` is the gRPC status number.

    ``details`` keeps the raw gRPC status text (useful to tell local transport
    failures from service answers); it is empty for errors raised client side.
    """

    def __init__(self, msg: str, code: int, *, details: str = "") -> None:
        super().__init__(msg)
        self.msg = msg
        self.code = code
        self.details = details

    def __repr__(self) -> str:
        return f"{type(self).__name__}(msg={self.msg!r}, code={self.code})"

    def __str__(self) -> str:
        return self.msg


class AlreadyExistsError(RPCError):
    """The entity already exists."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 6, **kw)


class NotFoundError(RPCError):
    """The entity does not exist."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 5, **kw)


class BadRequestError(RPCError):
    """The request was malformed (also raised client side for a wrong filter)."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 3, **kw)


class AuthenticationError(RPCError):
    """The API key or signature was not accepted."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 16, **kw)


class PermissionError(RPCError):  # shadows the builtin on purpose: the official name
    """The key may not do this."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 7, **kw)


class InternalError(RPCError):
    """The service failed internally."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 13, **kw)


class RateLimitError(RPCError):
    """Too many requests; ``rate_limit`` says how many and when the quota resets."""

    def __init__(self, msg: str, rate_limit: RateLimitMetadata, **kw: Any) -> None:
        super().__init__(msg, 8, **kw)
        self.rate_limit = rate_limit


class TimeoutError(RPCError):  # shadows the builtin on purpose: the official name
    """The call's deadline passed (across all of its attempts and pages)."""

    def __init__(self, msg: str = "deadline exceeded", **kw: Any) -> None:
        super().__init__(msg, 4, **kw)


class UnknownError(RPCError):
    """A failure that did not come as a gRPC status (e.g. an unreadable response)."""

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 2, **kw)


class EncryptionError(RPCError):
    """A managed secret value could not be encrypted (so it was not sent) or decrypted.

    Raised instead of ever sending a secret in plaintext, for example when the
    secret engine's public key cannot be fetched.
    """

    def __init__(self, msg: str, **kw: Any) -> None:
        super().__init__(msg, 9, **kw)


_BY_CODE: dict[int, Callable[..., RPCError]] = {
    3: BadRequestError,
    5: NotFoundError,
    6: AlreadyExistsError,
    7: PermissionError,
    13: InternalError,
    16: AuthenticationError,
}


def error_from_status(
    code: int, details: str, trailing_metadata: Iterable[tuple[str, Any]] | None
) -> RPCError:
    """The typed error for a failed gRPC call.

    Args:
        code: the gRPC status number.
        details: the gRPC status text (kept on the error as ``details``).
        trailing_metadata: the call's trailers; ``grpc-status-details-bin`` there
            decides whether the result is typed (see the module docstring).
    """
    if code == _DEADLINE_EXCEEDED:
        return TimeoutError(details=details)
    status = _status_trailer(trailing_metadata)
    if status is None:
        return RPCError(_CODE_NAMES.get(code, "unknown"), code, details=details)
    if code == _RESOURCE_EXHAUSTED:
        for detail in status.details:
            if detail.type_url.rsplit("/", 1)[-1] == _RATE_LIMIT_TYPE:
                plumbing = spec_pb2.RateLimitMetadata.FromString(detail.value)
                rate_limit = read_rate_limit_metadata(plumbing)
                return RateLimitError(status.message, rate_limit, details=details)
    cls = _BY_CODE.get(code)
    if cls is None:
        return RPCError(status.message, code, details=details)
    return cls(status.message, details=details)


def _status_trailer(metadata: Iterable[tuple[str, Any]] | None) -> status_pb2.Status | None:
    status = None
    for key, value in metadata or ():
        if key.startswith(_STATUS_TRAILER_PREFIX) and isinstance(value, bytes):
            # Like the official SDK, a later trailer wins.
            status = status_pb2.Status.FromString(value)
    return status
