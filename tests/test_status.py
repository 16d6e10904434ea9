"""StatusCode: grpc's codes as an IntEnum, and the one "credentials expired" predicate."""

from __future__ import annotations

import grpc

import aiosdm.credentials
import aiosdm.interceptors
from aiosdm import errors
from aiosdm._status import StatusCode, is_unauthenticated, status_code_of


def test_the_enum_is_grpcs_table() -> None:
    assert [(c.name, c.value[0]) for c in grpc.StatusCode] == [(c.name, int(c)) for c in StatusCode]
    for code in grpc.StatusCode:
        assert StatusCode.of(code) is StatusCode[code.name]
        assert StatusCode.of(code.value[0]) is StatusCode[code.name]
    assert StatusCode.of(17) is None and StatusCode.of(True) is None
    assert StatusCode.of("5") is None and StatusCode.of(None) is None
    assert StatusCode.NOT_FOUND == 5 and StatusCode.NOT_FOUND.phrase == "not found"


def test_one_expired_predicate() -> None:
    assert aiosdm.interceptors.is_expired is aiosdm.credentials.is_unauthenticated
    assert is_unauthenticated(errors.AuthenticationError("bad key"))
    assert is_unauthenticated(errors.RPCError("bare", 16))
    assert not is_unauthenticated(errors.PermissionError("no"))


def test_status_code_of_reads_both_error_kinds() -> None:
    class RawRpcError(Exception):
        def code(self) -> grpc.StatusCode:
            return grpc.StatusCode.UNAVAILABLE

    assert status_code_of(RawRpcError()) is StatusCode.UNAVAILABLE
    assert status_code_of(errors.NotFoundError("gone")) is StatusCode.NOT_FOUND
    assert status_code_of(ValueError("x")) is None
