"""The public surface of ``aiosdm.testing`` is deliberate: pin it."""

from __future__ import annotations

import aiosdm.testing


def test_public_names() -> None:
    assert sorted(aiosdm.testing.__all__) == [
        "ApiKey",
        "ControlClient",
        "Fault",
        "Faults",
        "LocalServer",
        "RATE_LIMIT_TYPE_URL",
        "RateLimit",
        "ServiceError",
        "StoreError",
        "ThreadedServer",
        "WireClient",
    ]
    for name in aiosdm.testing.__all__:
        assert getattr(aiosdm.testing, name) is not None
