"""The typed keyword options of Client.from_env and LocalServer.client match Client itself."""

from __future__ import annotations

import inspect

from aiosdm._client_options import ClientOptions, ConnectedClientOptions
from aiosdm.client import Client

# Given by from_env from the environment, or by LocalServer.client from the server.
_SUPPLIED = {"self", "api_access_key", "api_secret", "credentials"}


def test_options_are_exactly_the_constructor_keywords() -> None:
    params = set(inspect.signature(Client.__init__).parameters) - _SUPPLIED
    every, connected = ClientOptions.__optional_keys__, ConnectedClientOptions.__optional_keys__
    assert every == params  # a new Client keyword belongs in ClientOptions too
    assert every - connected == {
        "host",
        "insecure",
    }
