"""Code generated from protos/ by ``python -m codegen``: do not edit."""
