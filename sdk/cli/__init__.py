"""The ``aiosdm`` command."""
