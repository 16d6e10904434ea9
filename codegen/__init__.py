"""Turns protos/ into generated/: protoc message modules plus aiosdm's typed models.

Run with ``python -m codegen`` (``make generate``); ``--check`` fails when the
committed tree differs from what the protos produce.
"""
