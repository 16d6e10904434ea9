"""Deciding whether a failed call means "the key is no longer valid".

The client's credential-refresh step asks such a predicate about every failed call; when
it says yes, the provider is refreshed once and the call retried once.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ExpiredPredicate", "is_unauthenticated"]

#: ``predicate(error) -> True`` when ``error`` means the credentials must be refreshed.
ExpiredPredicate = Callable[[BaseException], bool]

_UNAUTHENTICATED = 16  # gRPC status number


def is_unauthenticated(error: BaseException) -> bool:
    """The default predicate: the service answered gRPC ``UNAUTHENTICATED``.

    Understands ``aiosdm.errors.RPCError`` (``code`` is the status number) and raw
    ``grpc.aio.AioRpcError`` (``code()`` returns a ``grpc.StatusCode``) without importing
    either.
    """
    code = getattr(error, "code", None)
    if callable(code):
        try:
            code = code()
        except Exception:
            return False
    if isinstance(code, int) and not isinstance(code, bool):
        return code == _UNAUTHENTICATED
    # grpc.StatusCode members: value is (number, "name")
    value = getattr(code, "value", None)
    return isinstance(value, tuple) and len(value) > 0 and value[0] == _UNAUTHENTICATED
