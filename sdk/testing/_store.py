"""Versioned storage for the local control plane: SQLite on a thread of its own.

Every write runs as one transaction that closes the current version of each entity
it changes and appends a new one (``valid_from``/``valid_to`` in microseconds since
the epoch, the activity that made it, ``deleted_at`` on the tombstone a delete
leaves). Reading "as of T" therefore needs nothing but the versions table, and the
``*History`` services list it as is.

SQLite runs in WAL mode with ``synchronous=NORMAL``: a committed transaction
survives the process being killed. Only the store thread touches the connection;
callers ``await`` jobs submitted to it, so the event loop never waits on disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import secrets
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import grpc
from google.protobuf.message import Message

from aiosdm._generated.v1 import activities_pb2
from aiosdm._specs import Kind
from aiosdm.testing._errors import ServiceError, already_exists
from aiosdm.testing._fields import us_timestamp
from aiosdm.testing._kinds import describe, links, type_name, unique_keys

__all__ = ["Actor", "Change", "HistoryRow", "Store", "StoreError", "Tx"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER,
    deleted_at INTEGER,
    activity_id TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_current ON versions(kind, id) WHERE valid_to IS NULL;
CREATE INDEX IF NOT EXISTS versions_at ON versions(kind, id, valid_from);
CREATE INDEX IF NOT EXISTS versions_history ON versions(kind, seq);
CREATE TABLE IF NOT EXISTS links (
    kind TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (kind, field, value, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_by_id ON links(kind, id);
CREATE TABLE IF NOT EXISTS uniques (
    kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS uniques_by_id ON uniques(kind, id);
CREATE TABLE IF NOT EXISTS activities (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
    access_key TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    permissions TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS engine_keys (engine_id TEXT PRIMARY KEY, private_pem BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS server_keys (name TEXT PRIMARY KEY, private_pem BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS org_mfa (org_id TEXT PRIMARY KEY, config BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS secret_values (id TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS secret_logs (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL
);
"""
#: Reader threads for reads of any length (lists scan).
_READERS = 4
#: Threads for point reads by key only (a get): scans never run there, so however many
#: long lists fill the readers, a get waits for none of them.
_LOOKUPS = 2
#: Written into ``meta`` of every database this store makes: a file without it, but with
#: tables, belongs to something else and is left alone.
_MARK = ("made_by", "aiosdm local control plane")


class StoreError(Exception):
    """The database file cannot be used: damaged, someone else's, or in use."""


@dataclass(frozen=True)
class Actor:
    """Who makes a call, as recorded in activities."""

    account_id: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    ip_address: str = ""
    user_agent: str = ""


@dataclass(frozen=True)
class Change:
    kind: Kind
    id: str
    old: Message | None
    new: Message | None


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    id: str
    timestamp_us: int
    deleted_at_us: int | None
    activity_id: str
    entity: Message


def now_us() -> int:
    return time.time_ns() // 1000


_NO_DEADLINE = float("inf")


class _ReaderConnection(sqlite3.Connection):
    """A reader thread's connection, which stops a read past its ``deadline`` (monotonic).

    SQLite's progress handler (:meth:`over_budget`) interrupts one long statement, but is
    asked only every few thousand steps of a statement; a list that filters chunk by chunk
    runs many short statements and spends its time between them, so each statement is
    also refused from the start once the deadline has passed.
    """

    deadline = _NO_DEADLINE

    def over_budget(self) -> int:
        return int(time.monotonic() > self.deadline)

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if self.over_budget():
            raise sqlite3.OperationalError("interrupted")  # as SQLite says it
        return super().execute(sql, parameters)


class Tx:
    """One job on the store thread: reads, and for writes the changes of one transaction."""

    def __init__(
        self,
        store: Store,
        *,
        now: int,
        actor: Actor | None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        self._store = store
        self._conn = conn or store.conn
        self.now = now
        self.actor = actor
        self.changes: list[Change] = []
        self.activity_id = ""
        self.verb = ""
        self.description = ""
        self._after_commit: list[Callable[[], None]] = []

    # -- reads ---------------------------------------------------------------

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self._conn.execute(query, params)

    def get(self, kind: Kind, ident: str, at: int | None = None) -> Message | None:
        """The version of an entity current now, or at ``at`` (None if absent)."""
        if at is None:
            row = self._conn.execute(
                "SELECT data FROM versions WHERE kind=? AND id=? AND valid_to IS NULL",
                (kind.name, ident),
            ).fetchone()
        else:
            row = self._conn.execute(
                "SELECT data FROM versions WHERE kind=? AND id=? AND valid_from<=?"
                " AND (valid_to IS NULL OR valid_to>?) AND deleted_at IS NULL"
                " ORDER BY valid_from DESC LIMIT 1",
                (kind.name, ident, at, at),
            ).fetchone()
        return None if row is None else kind.message.FromString(row[0])

    def scan(
        self,
        kind: Kind,
        *,
        after: str = "",
        limit: int = 500,
        at: int | None = None,
        inclusive: bool = False,
    ) -> list[tuple[str, Message]]:
        """Entities in id order, starting after ``after`` (or at it, if ``inclusive``)."""
        op = ">=" if inclusive else ">"
        if at is None:
            rows = self._conn.execute(
                f"SELECT id, data FROM versions WHERE kind=? AND valid_to IS NULL AND id{op}?"
                " ORDER BY id LIMIT ?",
                (kind.name, after, limit),
            ).fetchall()
        else:
            rows = self._conn.execute(
                f"SELECT id, data FROM versions WHERE kind=? AND id{op}? AND valid_from<=?"
                " AND (valid_to IS NULL OR valid_to>?) AND deleted_at IS NULL"
                " ORDER BY id LIMIT ?",
                (kind.name, after, at, at, limit),
            ).fetchall()
        return [(ident, kind.message.FromString(data)) for ident, data in rows]

    def iterate(self, kind: Kind, *, after: str = "", at: int | None = None) -> Iterator[Message]:
        """Every entity of a kind from ``after`` on, fetched in chunks."""
        while True:
            chunk = self.scan(kind, after=after, at=at)
            for _, entity in chunk:
                yield entity
            if len(chunk) < 500:
                return
            after = chunk[-1][0]

    def history(self, kind: Kind, *, after_seq: int = 0, limit: int = 500) -> list[HistoryRow]:
        rows = self._conn.execute(
            "SELECT seq, id, valid_from, deleted_at, activity_id, data FROM versions"
            " WHERE kind=? AND seq>? ORDER BY seq LIMIT ?",
            (kind.name, after_seq, limit),
        ).fetchall()
        return [
            HistoryRow(seq, ident, start, deleted, activity, kind.message.FromString(data))
            for seq, ident, start, deleted, activity, data in rows
        ]

    def linked(self, kind: Kind, field_name: str, value: str) -> list[str]:
        """Ids of current entities of ``kind`` whose ``field_name`` equals ``value``."""
        rows = self._conn.execute(
            "SELECT id FROM links WHERE kind=? AND field=? AND value=? ORDER BY id",
            (kind.name, field_name, value),
        ).fetchall()
        return [r[0] for r in rows]

    def referrers(self, kind: Kind, field_name: str, value: str) -> list[Message]:
        """Current entities of ``kind`` whose indexed ``field_name`` equals ``value``."""
        rows = self._conn.execute(
            "SELECT v.data FROM links l JOIN versions v"
            " ON v.kind=l.kind AND v.id=l.id AND v.valid_to IS NULL"
            " WHERE l.kind=? AND l.field=? AND l.value=? ORDER BY l.id",
            (kind.name, field_name, value),
        ).fetchall()
        return [kind.message.FromString(r[0]) for r in rows]

    # -- writes --------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        """A fresh id: sortable in creation order, with a random tail."""
        return f"{prefix}{self._store.next_counter():010x}{secrets.token_hex(3)}"

    def put(self, kind: Kind, ident: str, entity: Message) -> None:
        """Make ``entity`` the current version (checking uniqueness first)."""
        old_row = self._current_row(kind, ident)
        keys = unique_keys(kind, entity)
        for key, message in keys:
            owner = self._conn.execute(
                "SELECT id FROM uniques WHERE kind=? AND key=?", (kind.name, key)
            ).fetchone()
            if owner is not None and owner[0] != ident:
                raise already_exists(message)
        old = None
        if old_row is not None:
            seq, data = old_row
            old = kind.message.FromString(data)
            self._conn.execute("UPDATE versions SET valid_to=? WHERE seq=?", (self.now, seq))
        self._conn.execute(
            "INSERT INTO versions(kind, id, valid_from, activity_id, data) VALUES (?,?,?,?,?)",
            (kind.name, ident, self.now, self._activity(), entity.SerializeToString()),
        )
        self._reindex(kind, ident, links(kind, entity), keys)
        self.changes.append(Change(kind, ident, old, entity))

    def delete(self, kind: Kind, ident: str) -> Message | None:
        """End an entity's life, leaving a tombstone version; returns what it was."""
        old_row = self._current_row(kind, ident)
        if old_row is None:
            return None
        seq, data = old_row
        self._conn.execute("UPDATE versions SET valid_to=? WHERE seq=?", (self.now, seq))
        self._conn.execute(
            "INSERT INTO versions(kind, id, valid_from, valid_to, deleted_at, activity_id, data)"
            " VALUES (?,?,?,?,?,?,?)",
            (kind.name, ident, self.now, self.now, self.now, self._activity(), data),
        )
        self._reindex(kind, ident, [], [])
        old = kind.message.FromString(data)
        self.changes.append(Change(kind, ident, old, None))
        return old

    def describe(self, verb: str, description: str) -> None:
        """Set what the activity of this write says (otherwise derived from the changes)."""
        self.verb, self.description = verb, description

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the store thread once the transaction is durable."""
        self._after_commit.append(callback)

    def _current_row(self, kind: Kind, ident: str) -> tuple[int, bytes] | None:
        row = self._conn.execute(
            "SELECT seq, data FROM versions WHERE kind=? AND id=? AND valid_to IS NULL",
            (kind.name, ident),
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def _reindex(
        self,
        kind: Kind,
        ident: str,
        links: list[tuple[str, str]],
        keys: list[tuple[str, str]],
    ) -> None:
        self._conn.execute("DELETE FROM links WHERE kind=? AND id=?", (kind.name, ident))
        self._conn.executemany(
            "INSERT OR IGNORE INTO links(kind, field, value, id) VALUES (?,?,?,?)",
            [(kind.name, f, v, ident) for f, v in links],
        )
        self._conn.execute("DELETE FROM uniques WHERE kind=? AND id=?", (kind.name, ident))
        self._conn.executemany(
            "INSERT INTO uniques(kind, key, id) VALUES (?,?,?)",
            [(kind.name, key, ident) for key, _ in keys],
        )

    def _activity(self) -> str:
        if not self.activity_id:
            self.activity_id = self.new_id("at-")
        return self.activity_id

    def _record_activity(self) -> None:
        primary = [c for c in self.changes if not c.kind.derived]
        if not primary and not self.verb:
            return
        activity = activities_pb2.Activity(id=self._activity())
        verb, description = self.verb, self.description
        if not verb:
            first = primary[0]
            entity = first.new if first.new is not None else first.old
            assert entity is not None
            action = (
                "created" if first.old is None else "deleted" if first.new is None else "updated"
            )
            kind_name = type_name(first.kind, entity)
            verb = f"{first.kind.noun} {action}"
            description = f"{kind_name} {describe(entity)} {action}"
            if len(primary) > 1:
                description += f" (and {len(primary) - 1} more changes)"
        activity.verb, activity.description = verb, description
        us_timestamp(self.now, activity.completed_at)
        for change in primary[:50]:
            entity = change.new if change.new is not None else change.old
            assert entity is not None
            item = activity.entities.add(id=change.id, type=type_name(change.kind, entity))
            label = describe(entity)
            if "@" in label:
                item.email = label
            elif label != change.id:
                item.name = label
        if self.actor is not None:
            a = self.actor
            activity.actor.id = a.account_id
            activity.actor.email = a.email
            activity.actor.first_name = a.first_name
            activity.actor.last_name = a.last_name
            activity.ip_address = a.ip_address
            activity.user_agent = a.user_agent
        self._conn.execute(
            "INSERT INTO activities(id, at, data) VALUES (?,?,?)",
            (activity.id, self.now, activity.SerializeToString()),
        )


@dataclass
class _Clock:
    last: int = 0
    counter: int = 0
    counter_saved: int = 0


class Store:
    """The SQLite database: one writer thread, and reader threads with connections of their
    own (WAL lets them read the last commit while a write goes on), so a long scan never
    holds up a point read or a write.

    Args:
        path: a database file (created if missing), or None for a private one that is
            deleted on close.
        before_commit: runs inside every write transaction after the caller's function
            (the server keeps derived data such as account resources up to date there).
        read_budget: seconds a read may take before it is stopped (DEADLINE_EXCEEDED).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        before_commit: Callable[[Tx], None] | None = None,
        read_budget: float = 10.0,
    ) -> None:
        self.path = None if path is None else Path(path)
        self.read_budget = read_budget
        self._before_commit = before_commit
        self._executor: ThreadPoolExecutor | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._lookups: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None
        self._file: Path | None = None  # the database file: path, or a private one
        self._private_dir: str | None = None
        self._local = threading.local()  # each reader thread's connection
        self._reader_conns: list[sqlite3.Connection] = []
        self._reader_lock = threading.Lock()
        self._lock: int | None = None
        self._clock = _Clock()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("store is not open")
        return self._conn

    async def open(self) -> None:
        """Open (or create) the database.

        Raises:
            StoreError: the file is damaged, belongs to something else, or another
                server has it open.
        """
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aiosdm-store")
        try:
            await self._submit(self._open)
        except BaseException:
            self._executor.shutdown(wait=True)
            self._executor = None
            raise
        self._readers = ThreadPoolExecutor(max_workers=_READERS, thread_name_prefix="aiosdm-read")
        self._lookups = ThreadPoolExecutor(max_workers=_LOOKUPS, thread_name_prefix="aiosdm-get")

    async def close(self) -> None:
        if self._executor is None:
            return
        pools = (self._readers, self._lookups)
        self._readers = self._lookups = None
        for pool in pools:
            if pool is not None:
                await asyncio.to_thread(pool.shutdown, wait=True)
        with self._reader_lock:
            for conn in self._reader_conns:
                conn.close()
            self._reader_conns.clear()
        try:
            await self._submit(self._close)
        finally:
            self._executor.shutdown(wait=True)
            self._executor = None

    async def read(self, fn: Callable[[Tx], T], *, lookup: bool = False) -> T:
        """Run ``fn`` on a reader thread against the last committed state.

        Args:
            lookup: ``fn`` reads a few rows by key (a get) and never scans: it runs on
                threads of its own, so it never queues behind long lists.

        Raises:
            ServiceError: DEADLINE_EXCEEDED when it takes longer than ``read_budget``.
        """
        pool = self._lookups if lookup else self._readers
        if pool is None:
            raise RuntimeError("store is not open")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, partial(self._read_job, fn))

    async def write(self, fn: Callable[[Tx], T], actor: Actor | None = None) -> T:
        """Run ``fn`` in one write transaction; returns once it is committed."""
        return await self._submit(partial(self._write_job, fn, actor))

    def next_counter(self) -> int:
        self._clock.counter += 1
        return self._clock.counter

    async def _submit(self, job: Callable[[], T]) -> T:
        if self._executor is None:
            raise RuntimeError("store is not open")
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    def _open(self) -> None:
        if self.path is not None:
            self._lock = _lock_exclusively(self.path)
            self._file = self.path
        else:  # private: a file all the same, so readers get connections of their own
            self._private_dir = tempfile.mkdtemp(prefix="aiosdm-store-")
            self._file = Path(self._private_dir) / "state.db"
        try:
            self._conn = self._connect()
        except BaseException:
            self._unlock()
            raise

    def _connect(self) -> sqlite3.Connection:
        target = str(self._file)
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        try:
            self._prepare(conn)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{self.path}: not a usable database ({err})") from None
        except BaseException:
            conn.close()
            raise
        if self.path is not None:
            _owner_only(self.path)
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        names = {name for (name,) in tables}
        if names:
            marked = "meta" in names and conn.execute(
                "SELECT v FROM meta WHERE k=?", (_MARK[0],)
            ).fetchone() == (_MARK[1],)
            # Files made before the mark existed are known by their core tables.
            if not (marked or {"versions", "api_keys", "meta"} <= names):
                raise StoreError(
                    f"{self.path}: not an aiosdm local control plane database "
                    "(it holds other tables); give --db a new or an aiosdm file"
                )
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: commits reach the OS at once (safe against the process
        # dying); only a power loss may drop the last ones.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        conn.executescript(_SCHEMA)
        _add_missing_columns(conn)
        conn.execute("INSERT OR IGNORE INTO meta(k, v) VALUES (?, ?)", _MARK)
        last = conn.execute(
            "SELECT max(coalesce((SELECT max(valid_from) FROM versions), 0),"
            " coalesce((SELECT max(at) FROM activities), 0))"
        ).fetchone()[0]
        counter = conn.execute("SELECT v FROM meta WHERE k='counter'").fetchone()
        self._clock.last = int(last or 0)
        self._clock.counter = self._clock.counter_saved = int(counter[0]) if counter else 0

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._unlock()
        if self._private_dir is not None:
            shutil.rmtree(self._private_dir, ignore_errors=True)
            self._private_dir = None

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases its lock
            self._lock = None

    def _tick(self) -> int:
        # Strictly increasing write times keep "as of T" unambiguous.
        self._clock.last = max(now_us(), self._clock.last + 1)
        return self._clock.last

    def _reader(self) -> _ReaderConnection:
        """This reader thread's own connection (read-only), made on first use."""
        conn: _ReaderConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{quote(str(self._file))}?mode=ro"
            conn = sqlite3.connect(
                uri,
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                factory=_ReaderConnection,
            )
            conn.execute("PRAGMA query_only=ON")
            # SQLite asks every few thousand steps; a nonzero answer interrupts the query.
            conn.set_progress_handler(conn.over_budget, 4096)
            self._local.conn = conn
            with self._reader_lock:
                self._reader_conns.append(conn)
        return conn

    def _read_job(self, fn: Callable[[Tx], T]) -> T:
        conn = self._reader()
        conn.execute("BEGIN")  # one snapshot for the whole job
        conn.deadline = time.monotonic() + self.read_budget
        try:
            return fn(Tx(self, now=now_us(), actor=None, conn=conn))
        except sqlite3.OperationalError as err:
            if "interrupted" not in str(err):
                raise
            raise ServiceError(
                grpc.StatusCode.DEADLINE_EXCEEDED,
                f"the query ran longer than {self.read_budget:g} s: narrow the filter",
            ) from None
        finally:
            conn.deadline = _NO_DEADLINE
            conn.execute("COMMIT")

    def _write_job(self, fn: Callable[[Tx], T], actor: Actor | None) -> T:
        conn = self.conn
        tx = Tx(self, now=self._tick(), actor=actor)
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(tx)
            if self._before_commit is not None and tx.changes:
                self._before_commit(tx)
            tx._record_activity()
            if self._clock.counter != self._clock.counter_saved:
                conn.execute(
                    "INSERT OR REPLACE INTO meta(k, v) VALUES ('counter', ?)",
                    (str(self._clock.counter),),
                )
            conn.execute("COMMIT")
        except BaseException:
            # Ids handed out by the rolled-back write are simply never used.
            conn.execute("ROLLBACK")
            raise
        self._clock.counter_saved = self._clock.counter
        for callback in tx._after_commit:
            callback()
        return result


#: Columns added since the first release, for files made before them: (table, column, SQL).
_ADDED_COLUMNS = (
    # What a key of no account holds unless it is an admin key (space-separated).
    ("api_keys", "permissions", "TEXT NOT NULL DEFAULT ''"),
)


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, column, decl in _ADDED_COLUMNS:
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")


def _lock_exclusively(path: Path) -> int:
    """Hold an exclusive lock on ``path`` (created 0600 if missing) while the store is open:
    two servers on one file would each trust a view of API keys the other changes."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise StoreError(f"{path}: cannot open ({err.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StoreError(
            f"{path}: in use by another aiosdm server; stop it or give another --db"
        ) from None
    return fd


def _owner_only(path: Path) -> None:
    """The database and its WAL/SHM files hold API secrets and engine keys: 0600."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):  # the WAL appears on first write
            file.chmod(0o600)
