"""``import aiosdm`` stays cheap: services and their models load when first used."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import aiosdm
after_import = sorted(sys.modules)
client = aiosdm.Client("key", "c2VjcmV0", host="127.0.0.1:1", insecure=True)
after_client = sorted(sys.modules)
client.accounts
after_accounts = sorted(sys.modules)
print(json.dumps([after_import, after_client, after_accounts]))
"""


def test_services_and_models_load_on_first_use() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    after_import, after_client, after_accounts = (set(m) for m in json.loads(out))
    assert "grpc" not in after_import
    assert "aiosdm._generated.models.accounts" not in after_import
    assert "aiosdm._generated.clients.accounts" not in after_client
    # A client loads no service's messages, no cryptography (managed secrets only) and no
    # gRPC (the first call opens the channel) until they are used.
    assert not {m for m in after_client if m.endswith("_pb2") and "accounts" in m}
    assert "aiosdm._generated.v1.drivers_pb2" not in after_client
    assert "cryptography" not in after_client
    assert "grpc" not in after_client
    # Nor the credential sources: a client with a key pair needs only what a key pair is.
    assert "aiosdm.credentials" not in after_client
    # Nor the descriptors read only from a failed call's status (and their annotations').
    assert not {"google.rpc.status_pb2", "aiosdm._generated.v1.spec_pb2"} & after_client
    assert "google.protobuf.descriptor_pb2" not in after_client
    # Nor what only a call uses: OpenSSL's hashes (signing), random (retry jitter).
    assert not {"hashlib", "hmac", "random"} & after_client
    assert "aiosdm._generated.clients.accounts" in after_accounts
    assert "aiosdm._generated.models.drivers" not in after_accounts  # resources never touched
    assert "aiosdm._generated.v1.drivers_pb2" not in after_accounts


def test_lazy_names_resolve_to_the_real_objects() -> None:
    import aiosdm
    from aiosdm._generated.models.accounts import User
    from aiosdm.client import Client

    assert aiosdm.User is User and aiosdm.models.User is User
    assert aiosdm.Client is Client
    assert set(dir(aiosdm)) == set(aiosdm.__all__)
