"""One client class per strongDM service."""
