from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SecretEnginePolicy(_message.Message):
    __slots__ = ("password_policy",)
    PASSWORD_POLICY_FIELD_NUMBER: _ClassVar[int]
    password_policy: SecretEnginePasswordPolicy
    def __init__(self, password_policy: _Optional[_Union[SecretEnginePasswordPolicy, _Mapping]] = ...) -> None: ...

class SecretEnginePasswordPolicy(_message.Message):
    __slots__ = ("length", "exclude_upper_case", "num_digits", "num_symbols", "allow_repeat", "exclude_characters")
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_UPPER_CASE_FIELD_NUMBER: _ClassVar[int]
    NUM_DIGITS_FIELD_NUMBER: _ClassVar[int]
    NUM_SYMBOLS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_REPEAT_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_CHARACTERS_FIELD_NUMBER: _ClassVar[int]
    length: int
    exclude_upper_case: bool
    num_digits: int
    num_symbols: int
    allow_repeat: bool
    exclude_characters: str
    def __init__(self, length: _Optional[int] = ..., exclude_upper_case: _Optional[bool] = ..., num_digits: _Optional[int] = ..., num_symbols: _Optional[int] = ..., allow_repeat: _Optional[bool] = ..., exclude_characters: _Optional[str] = ...) -> None: ...
