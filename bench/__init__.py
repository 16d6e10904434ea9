"""Benchmarks: aiosdm beside a bare grpc.aio stub and the official SDK (``make bench``)."""
