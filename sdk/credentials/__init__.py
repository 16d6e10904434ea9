"""Credential providers: where the client gets its API key pair, and how it rotates."""

from aiosdm.credentials._base import Credentials, CredentialsProvider, StaticCredentials

__all__ = ["Credentials", "CredentialsProvider", "StaticCredentials"]
