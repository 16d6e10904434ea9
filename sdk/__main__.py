"""``python -m aiosdm``: the ``aiosdm`` command."""

import sys

from aiosdm.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
