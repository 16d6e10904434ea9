"""The local control plane: a strongDM-compatible gRPC server for demos and tests."""
