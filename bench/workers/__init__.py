"""Processes the benchmark starts: the server, and one process per client being measured.

Each worker prints one JSON object on its last stdout line.
"""
