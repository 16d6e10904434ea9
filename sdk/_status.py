"""gRPC status codes by number, and the one test for "the API key is no good any more".

Stdlib only, so credentials, interceptors, errors and the transport can all use it
without importing grpc or each other.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

__all__ = ["ExpiredPredicate", "StatusCode", "is_unauthenticated", "status_code_of"]


class StatusCode(enum.IntEnum):
    """The gRPC status codes; equal to their numbers (``StatusCode.NOT_FOUND == 5``)."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @property
    def phrase(self) -> str:
        """The name in words, as the official SDK's messages use it: ``"not found"``."""
        return self.name.lower().replace("_", " ")

    @classmethod
    def of(cls, code: object) -> StatusCode | None:
        """``code`` as a member: from a number or a ``grpc.StatusCode``; None if neither.

        A ``grpc.StatusCode`` member's value is ``(number, "name")``; it is read by
        shape so that this module need not import grpc.
        """
        value = getattr(code, "value", code)
        if isinstance(value, tuple) and value:
            value = value[0]
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                return cls(value)
            except ValueError:
                return None
        return None


def status_code_of(error: BaseException) -> StatusCode | None:
    """The status an error stands for, if any.

    Understands ``aiosdm.errors.RPCError`` (``code`` is the number) and raw
    ``grpc.aio.AioRpcError`` (``code()`` returns a ``grpc.StatusCode``).
    """
    code = getattr(error, "code", None)
    if callable(code):
        try:
            code = code()
        except Exception:
            return None
    return StatusCode.of(code)


#: ``predicate(error) -> True`` when ``error`` means the credentials must be refreshed.
ExpiredPredicate = Callable[[BaseException], bool]


def is_unauthenticated(error: BaseException) -> bool:
    """The default "expired" predicate: the service answered ``UNAUTHENTICATED``.

    The client's credential-refresh step asks it about every failed call; on True the
    provider is refreshed once and the call retried once.
    """
    return status_code_of(error) is StatusCode.UNAUTHENTICATED
