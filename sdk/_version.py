"""The version of aiosdm, written only here.

pyproject.toml reads it (``[tool.setuptools.dynamic]``), ``aiosdm.__version__`` re-exports
it and the ``x-sdm-user-agent`` header carries it.
"""

__version__ = "0.1.0"
