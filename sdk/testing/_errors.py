"""Errors the local control plane answers with, shaped like the service's.

The official clients only produce typed errors when the trailer
``grpc-status-details-bin`` carries a ``google.rpc.Status``; every error here
therefore travels with one. Rate-limit errors add a ``RateLimitMetadata`` detail
under its *wire* type URL (our proto package differs from the service's).
"""

from __future__ import annotations

import grpc
from google.protobuf.any_pb2 import Any as AnyPb
from google.rpc import status_pb2

from aiosdm._generated.v1 import spec_pb2

__all__ = [
    "RATE_LIMIT_TYPE_URL",
    "STATUS_TRAILER",
    "ServiceError",
    "already_exists",
    "bad_request",
    "not_found",
    "unauthenticated",
]

STATUS_TRAILER = "grpc-status-details-bin"
#: The type URL clients match (by its ``v1.RateLimitMetadata`` suffix).
RATE_LIMIT_TYPE_URL = "type.googleapis.com/v1.RateLimitMetadata"


class ServiceError(Exception):
    """A call outcome other than OK: a gRPC code, a message for humans, optional details."""

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        *,
        rate_limit: spec_pb2.RateLimitMetadata | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.rate_limit = rate_limit

    def __repr__(self) -> str:
        return f"ServiceError({self.code.name}, {self.message!r})"

    def status(self) -> status_pb2.Status:
        """The ``google.rpc.Status`` sent in the trailer."""
        status = status_pb2.Status(code=self.code.value[0], message=self.message)
        if self.rate_limit is not None:
            # Set by hand: Any.Pack would write our package name (aiosdm.v1).
            detail = AnyPb(type_url=RATE_LIMIT_TYPE_URL, value=self.rate_limit.SerializeToString())
            status.details.append(detail)
        return status

    def trailers(self) -> tuple[tuple[str, bytes], ...]:
        """The ``grpc-status-details-bin`` trailer the service sends with the error."""
        return ((STATUS_TRAILER, self.status().SerializeToString()),)


def not_found(noun: str, ident: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.NOT_FOUND, f"cannot find {noun} {ident!r}")


def already_exists(message: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.ALREADY_EXISTS, message)


def bad_request(message: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.INVALID_ARGUMENT, message)


def unauthenticated(message: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.UNAUTHENTICATED, message)
