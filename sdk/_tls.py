"""Refusing to send secrets, or receive them, over plaintext HTTP off this machine.

Shared by the Aliyun client (credentials) and the SAML provider (aws).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

__all__ = ["is_loopback_host", "require_tls_or_loopback"]


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_tls_or_loopback(url: str, *, what: str) -> None:
    """Accept ``https://`` anywhere and ``http://`` only to a loopback address.

    Raises:
        ValueError: any other URL (the message names ``what`` travels, and the host).
    """
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and is_loopback_host(parts.hostname or ""):
        return
    raise ValueError(
        f"refusing to send {what} to {parts.scheme}://{parts.hostname}: "
        "use https (plain http is allowed to loopback addresses only)"
    )
