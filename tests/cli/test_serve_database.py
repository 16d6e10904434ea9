"""``aiosdm serve --db``: the file is the owner's alone, one server at a time, and a file
that is not ours is a one-line refusal (exit status 2), never a traceback."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

from aiosdm._generated.v1 import roles_pb2

from .._serve import serving, spawn, wire_client


async def _refused(*args: str) -> tuple[int, str]:
    proc = await spawn("--port", "0", *args)
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode is not None
    return proc.returncode, err.decode()


async def test_the_database_and_its_journal_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    async with serving(tmp_path, "--db", str(db)) as (_, creds):
        async with wire_client(creds) as wire:
            await wire.call("Roles.Create", roles_pb2.RoleCreateRequest(role={"name": "r"}))
        files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
        modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files if f.exists()}
    assert modes[db.name] == 0o600 and set(modes.values()) == {0o600}, modes


async def test_an_existing_database_is_made_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    async with serving(tmp_path, "--db", str(db)):
        pass
    db.chmod(0o644)
    async with serving(tmp_path, "--db", str(db)):
        assert stat.S_IMODE(db.stat().st_mode) == 0o600


async def test_a_second_server_on_one_database_refuses_to_start(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    async with serving(tmp_path, "--db", str(db)):
        code, err = await _refused("--db", str(db))
    assert code == 2
    assert (
        err.strip()
        == f"aiosdm serve: {db}: in use by another aiosdm server; stop it or give another --db"
    )
    # Once the first has stopped, the file is free again.
    async with serving(tmp_path, "--db", str(db)):
        pass


async def test_a_damaged_or_foreign_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database at all" * 100)
    code, err = await _refused("--db", str(damaged))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "not a usable database" in err and "Traceback" not in err

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    code, err = await _refused("--db", str(foreign))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "not an aiosdm local control plane database" in err
    with sqlite3.connect(foreign) as conn:  # and it was left as it was
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert tables == {"invoices"}
