"""The ``aiosdm`` command."""

import os

# gRPC's C core logs to stderr on its own (a busy port prints an "add_port.cc" line before our
# one-line error). It reads this once, when grpc is first imported, which is after this package
# is imported; a user who sets it (e.g. to "debug") keeps their choice.
os.environ.setdefault("GRPC_VERBOSITY", "NONE")
