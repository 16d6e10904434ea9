"""The API reference: ``python -m docs`` (``make docs``) builds it with pdoc."""
