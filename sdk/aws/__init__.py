"""Async AWS session providers with refreshing, cached credentials."""
