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
    ├── ConnectError          UNAVAILABLE (14): the host could not be reached (client side)
    ├── UnknownError          a failure that is not a gRPC status (2)
    └── EncryptionError       a secret value could not be en- or decrypted (client side; 9)

Each class names its status in ``status_code``; one registry maps a status to its class.
Codes are :class:`StatusCode` members, which equal their numbers. ``attempts`` says how
many attempts the client sent before it gave up.

Messages come from the service (``google.rpc.Status.message``) or name the failure;
they never contain request contents, so secrets cannot leak through them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from aiosdm._public import publish
from aiosdm._status import StatusCode

if TYPE_CHECKING:
    # Loaded where a status is read, not with every client (their descriptors cost).
    from google.rpc import status_pb2

    from aiosdm._generated.models.spec import RateLimitMetadata

__all__ = [
    "AlreadyExistsError",
    "AuthenticationError",
    "BadRequestError",
    "ConnectError",
    "EncryptionError",
    "InternalError",
    "NotFoundError",
    "PermissionError",
    "RPCError",
    "RateLimitError",
    "StatusCode",
    "TimeoutError",
    "UnknownError",
    "error_from_status",
]

_STATUS_TRAILER_PREFIX = "grpc-status-details"
# Matched by the last segment of the type URL: the service packs it as
# ``type.googleapis.com/v1.RateLimitMetadata`` (its proto package is ``v1``).
_RATE_LIMIT_TYPE = "v1.RateLimitMetadata"


class RPCError(Exception):
    """A failed call: ``msg`` says what happened, ``code`` is the gRPC status number.

    ``code`` is a :class:`StatusCode` (an ``int``) unless the number is not a known
    status. ``details`` keeps the raw gRPC status text (useful to tell local transport
    failures from service answers); it is empty for errors raised client side.
    ``attempts`` is how many attempts the client sent (0: none, the call failed before).
    """

    #: The status a subclass stands for; None here, as a plain RPCError carries any.
    status_code: ClassVar[StatusCode | None] = None

    def __init__(self, msg: str, code: int, *, details: str = "") -> None:
        super().__init__(msg)
        self.msg = msg
        known = StatusCode.of(code)
        self.code: int = code if known is None else known
        self.details = details
        self.attempts = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(msg={self.msg!r}, code={self.code})"

    def __str__(self) -> str:
        return self.msg


class _OneStatusError(RPCError):
    """An error class standing for one status: its ``code`` is the class's ``status_code``."""

    status_code: ClassVar[StatusCode]

    def __init__(self, msg: str, *, details: str = "") -> None:
        super().__init__(msg, self.status_code, details=details)


class AlreadyExistsError(_OneStatusError):
    """The entity already exists."""

    status_code = StatusCode.ALREADY_EXISTS


class NotFoundError(_OneStatusError):
    """The entity does not exist."""

    status_code = StatusCode.NOT_FOUND


class BadRequestError(_OneStatusError):
    """The request was malformed (also raised client side for a wrong filter)."""

    status_code = StatusCode.INVALID_ARGUMENT


class AuthenticationError(_OneStatusError):
    """The API key or signature was not accepted."""

    status_code = StatusCode.UNAUTHENTICATED


class PermissionError(_OneStatusError):  # shadows the builtin on purpose: the official name
    """The key may not do this."""

    status_code = StatusCode.PERMISSION_DENIED


class InternalError(_OneStatusError):
    """The service failed internally."""

    status_code = StatusCode.INTERNAL


class RateLimitError(_OneStatusError):
    """Too many requests; ``rate_limit`` says how many and when the quota resets."""

    status_code = StatusCode.RESOURCE_EXHAUSTED

    def __init__(self, msg: str, rate_limit: RateLimitMetadata, **kw: Any) -> None:
        super().__init__(msg, **kw)
        self.rate_limit = rate_limit


class TimeoutError(_OneStatusError):  # shadows the builtin on purpose: the official name
    """The call's deadline passed (across all of its attempts and pages)."""

    status_code = StatusCode.DEADLINE_EXCEEDED

    def __init__(self, msg: str = "deadline exceeded", **kw: Any) -> None:
        super().__init__(msg, **kw)


class UnknownError(_OneStatusError):
    """A failure that did not come as a gRPC status (e.g. an unreadable response)."""

    status_code = StatusCode.UNKNOWN


class EncryptionError(_OneStatusError):
    """A managed secret value could not be encrypted (so it was not sent) or decrypted.

    Raised instead of ever sending a secret in plaintext, for example when the
    secret engine's public key cannot be fetched.
    """

    status_code = StatusCode.FAILED_PRECONDITION


class ConnectError(RPCError):
    """The host could not be reached; nothing was sent. ``str()`` names the host and why.

    Raised client side (code UNAVAILABLE) when a connection is refused, the host name does
    not resolve, the TLS handshake fails, or the host does not answer within the client's
    ``connect_timeout``. It is never retried: the connection was already waited for.
    """

    status_code = StatusCode.UNAVAILABLE

    def __init__(self, host: str, reason: str, *, details: str = "") -> None:
        super().__init__(f"cannot connect to {host}: {reason}", self.status_code, details=details)
        self.host = host
        self.reason = reason


#: The class for each status the service answers with (see the module docstring for
#: when it applies). UnknownError, EncryptionError and ConnectError are raised client side only.
_BY_CODE: dict[StatusCode, type[_OneStatusError]] = {
    cls.status_code: cls
    for cls in (
        BadRequestError,
        TimeoutError,
        NotFoundError,
        AlreadyExistsError,
        PermissionError,
        RateLimitError,
        InternalError,
        AuthenticationError,
    )
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
    known = StatusCode.of(code)
    cls = _BY_CODE.get(known) if known is not None else None
    if cls is TimeoutError:  # with or without a Status trailer, like the official SDK
        return TimeoutError(details=details)
    status = _status_trailer(trailing_metadata)
    if status is None:
        return RPCError(known.phrase if known is not None else "unknown", code, details=details)
    if cls is RateLimitError:
        rate_limit = _rate_limit(status)
        if rate_limit is None:  # without its detail it stays a plain RPCError
            return RPCError(status.message, code, details=details)
        return RateLimitError(status.message, rate_limit, details=details)
    if cls is None:
        return RPCError(status.message, code, details=details)
    return cls(status.message, details=details)


def _rate_limit(status: status_pb2.Status) -> RateLimitMetadata | None:
    from aiosdm._generated.models.spec import read_rate_limit_metadata
    from aiosdm._generated.v1 import spec_pb2

    for detail in status.details:
        if detail.type_url.rsplit("/", 1)[-1] == _RATE_LIMIT_TYPE:
            return read_rate_limit_metadata(spec_pb2.RateLimitMetadata.FromString(detail.value))
    return None


def _status_trailer(metadata: Iterable[tuple[str, Any]] | None) -> status_pb2.Status | None:
    from google.rpc import status_pb2

    status = None
    for key, value in metadata or ():
        if key.startswith(_STATUS_TRAILER_PREFIX) and isinstance(value, bytes):
            # Like the official SDK, a later trailer wins.
            status = status_pb2.Status.FromString(value)
    return status


# Shown as aiosdm.<Name>, where users import them from.
publish(
    AlreadyExistsError,
    AuthenticationError,
    BadRequestError,
    InternalError,
    NotFoundError,
    PermissionError,
    RPCError,
    RateLimitError,
    TimeoutError,
    UnknownError,
)
