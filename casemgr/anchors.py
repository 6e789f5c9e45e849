"""Anchors of the audit chain, kept outside the database: truncation and recomputation show.

The hash chain (casemgr.audit) shows an entry changed, removed or inserted *in the middle*;
it cannot show the newest entries deleted, nor a chain rewritten from some entry on and
rehashed to the end — whoever holds the SQLite file (or the PostgreSQL owner's password)
can do both, and the result is a perfectly consistent chain. What they cannot rewrite is
what was written down elsewhere before:

* **An anchor** is the chain's head, ``(sequence number, hash)``: printed on every monthly
  report (PDF footer, JSON and xlsx fields) and exported with ``casemgr audit anchor --out
  FILE``. ``casemgr audit verify --anchor FILE`` (or ``--anchor SEQ:HASH`` typed from a
  printed report) fails if entry SEQ is gone or no longer has that hash.
* **The anchors this PC has seen** are remembered in the user's data folder
  (``anchors/``, one file per database, ``CASEMGR_ANCHOR_DIR`` to move it), not beside the
  database: the heads printed on reports, and from each successful ``verify`` or
  ``anchor`` a 4-byte fingerprint of every entry it checked. With those, the first entry
  that was removed or changed since is named exactly, not just "somewhere before #SEQ".

What this does not stop: someone who can also rewrite the remembering PC's data folder
(the same Windows account, say) and who can reach every printed report and exported file.
Anchors printed on paper and archived files are the protection of last resort; on
PostgreSQL the database refuses the rewrite in the first place (casemgr.pgroles). Entries
added after the newest anchor can still be rewritten unseen: anchor often (every report,
and ``casemgr audit anchor`` from a scheduled task).

A restore from a backup legitimately ends the chain earlier: ``forget`` (called by the
restore) puts the remembered anchors of that database aside, with the date, instead of
reporting the restored chain as truncated for ever after.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from casemgr import clock, errors
from casemgr.models import AuditEntry

FORMAT = "casemgr-audit-anchor"
_FP_BYTES = 4
_ANCHOR_TEXT = re.compile(r"^\s*#?(\d{1,18})\s*[:：\s]\s*([0-9a-fA-F]{64})\s*$")


@dataclass(frozen=True)
class Anchor:
    """The chain's head at a moment: entry ``seq`` had hash ``hash``."""

    seq: int
    hash: str
    taken_at: str | None = None  # UTC ISO
    source: str | None = None  # "report 2026-10", "anchor", "verify", a file name

    def text(self) -> str:
        """How it is printed and typed back: ``#1234 3f2a…`` (``--anchor 1234:3f2a…`` reads it)."""
        return f"#{self.seq} {self.hash}"


@dataclass(frozen=True)
class AnchorProblem:
    """The first entry that is gone or differs from what an anchor or this PC remembered."""

    entry_id: int
    reason: str  # "missing" | "changed"
    anchor: Anchor | None  # the anchor that shows it (None: the remembered fingerprints)
    exact: bool  # False: the change is at or before entry_id, this PC had no fingerprints there


# --------------------------------------------------------------------------- reading the head


def current(session: Session, source: str | None = None) -> Anchor | None:
    """The chain's head now (no lock: a report prints what was committed when it ran)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import text

        row = session.execute(text("SELECT h.id, h.hash FROM casemgr_audit_head(false) h")).one()
    else:
        row = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
    if row is None or row[0] is None:
        return None
    return Anchor(int(row[0]), str(row[1]), clock.now().isoformat(), source)


# --------------------------------------------------------------------------- anchor files


def write_file(anchor: Anchor, path: Path, database_label: str) -> Path:
    doc = {
        "format": FORMAT,
        "version": 1,
        "database": database_label,
        "seq": anchor.seq,
        "hash": anchor.hash,
        "taken_at": anchor.taken_at,
        "verify": f"casemgr audit verify --anchor {anchor.seq}:{anchor.hash}",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def parse(value: str) -> Anchor:
    """An anchor from ``--anchor``: a file written by :func:`write_file`, or ``SEQ:HASH``."""
    m = _ANCHOR_TEXT.match(value)
    if m:
        return Anchor(int(m.group(1)), m.group(2).lower(), None, "command line")
    path = Path(value)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError(doc.get("format"))
        seq, hsh = int(doc["seq"]), str(doc["hash"]).lower()
        if not re.fullmatch(r"[0-9a-f]{64}", hsh) or seq < 1:
            raise ValueError(hsh)
    except FileNotFoundError:
        raise errors.ValidationError(
            f"找不到锚点文件 {value}。", f"No anchor file {value}.", field="anchor"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise errors.ValidationError(
            f"{value} 不是审计链锚点文件，也不是“序号:哈希值”。",
            f"{value} is neither an audit anchor file nor SEQ:HASH.",
            field="anchor",
        ) from None
    return Anchor(seq, hsh, doc.get("taken_at"), path.name)


# --------------------------------------------------------------------------- what this PC remembers


def database_identity(url: str) -> str:
    """Which database an anchor belongs to: the SQLite file's absolute path, or server/db."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"sqlite:{Path(u.database or '').expanduser().resolve()}" if u.database else "sqlite:memory"
    return f"{u.get_backend_name()}://{u.host or ''}:{u.port or ''}/{u.database or ''}"


def database_label(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def anchor_dir() -> Path:
    override = os.environ.get("CASEMGR_ANCHOR_DIR")
    if override:
        return Path(override)
    from casemgr import db

    return db.default_data_dir() / "anchors"


class Store:
    """The anchors and entry fingerprints this PC has seen for one database.

    Two files: ``<key>.json`` (heads seen, and where the fingerprints end) and
    ``<key>.chain`` (the ids of the checked entries, 4 bytes each in the machine's order,
    then the first 4 bytes of each one's hash). 8 bytes per entry: a million take 8 MB.
    """

    def __init__(self, url: str, directory: Path | None = None) -> None:
        self.identity = database_identity(url)
        self.label = database_label(url)
        key = hashlib.sha256(self.identity.encode()).hexdigest()[:20]
        self.dir = directory or anchor_dir()
        self.meta_path = self.dir / f"{key}.json"
        self.chain_path = self.dir / f"{key}.chain"
        self.heads: list[Anchor] = []
        self.last_id = 0
        self.last_hash: str | None = None
        self.ids = array("I")
        self.fps = bytearray()
        self._load()

    def _load(self) -> None:
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        self.heads = [
            Anchor(int(h["seq"]), str(h["hash"]), h.get("taken_at"), h.get("source"))
            for h in meta.get("heads", [])
        ]
        try:
            raw = self.chain_path.read_bytes()
        except OSError:
            raw = b""
        n = int(meta.get("entries", 0))
        if n and len(raw) == n * 8:
            ids = array("I")
            ids.frombytes(raw[: n * 4])
            self.ids = ids
            self.fps = bytearray(raw[n * 4 :])
            self.last_id = int(meta.get("last_id", 0))
            self.last_hash = meta.get("last_hash")

    def save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.chain_path.with_suffix(".chain.tmp")
        tmp.write_bytes(self.ids.tobytes() + bytes(self.fps))
        os.replace(tmp, self.chain_path)
        meta = {
            "database": self.label,
            "identity": self.identity,
            "entries": len(self.ids),
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "heads": [h.__dict__ for h in self.heads[-500:]],
        }
        tmp = self.meta_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.meta_path)

    def remember_head(self, anchor: Anchor) -> None:
        if not any(h.seq == anchor.seq and h.hash == anchor.hash for h in self.heads):
            self.heads.append(anchor)

    def forget(self, why: str) -> None:
        """Put what was remembered aside (a restore ends the chain earlier, on purpose)."""
        stamp = clock.local(clock.now()).strftime("%Y%m%d-%H%M%S")
        for p in (self.meta_path, self.chain_path):
            if p.exists():
                os.replace(p, p.with_name(f"{p.stem}.{why}-{stamp}{p.suffix}"))
        self.heads, self.ids, self.fps = [], array("I"), bytearray()
        self.last_id, self.last_hash = 0, None


def remember(url: str, anchor: Anchor | None) -> bool:
    """Remember a head this PC has printed or exported; False if the folder cannot be written.

    A report must not fail because the anchor folder is read-only: the printed anchor is
    the stronger record anyway.
    """
    if anchor is None:
        return False
    try:
        store = Store(url)
        store.remember_head(anchor)
        store.save()
    except OSError:
        return False
    return True


def forget(url: str, why: str = "restore") -> None:
    """After a restore: the remembered anchors describe a chain the restore ended on purpose."""
    try:
        Store(url).forget(why)
    except OSError:
        pass


def _fp(h: str) -> bytes:
    return bytes.fromhex(h[: _FP_BYTES * 2])


# --------------------------------------------------------------------------- checking


def _walk(session: Session, batch: int = 20000) -> Iterable[tuple[int, str]]:
    last = 0
    while True:
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.hash)
            .where(AuditEntry.id > last)
            .order_by(AuditEntry.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        for r in rows:
            yield int(r[0]), str(r[1])
        last = int(rows[-1][0])


def check(session: Session, store: Store, anchors: Iterable[Anchor] = ()) -> list[AnchorProblem]:
    """Compare the chain with the remembered fingerprints and with every anchor.

    Returns the problems, the earliest entry first (empty: nothing before any anchor was
    removed or changed). One pass over (id, hash) of every entry.
    """
    wanted = {a.seq: a for a in [*store.heads, *anchors]}
    problems: list[AnchorProblem] = []
    ids, fps = store.ids, store.fps
    n, j = len(ids), 0
    first_fp_problem: AnchorProblem | None = None
    found: dict[int, str] = {}
    for entry_id, h in _walk(session):
        while j < n and ids[j] < entry_id:
            if first_fp_problem is None:
                first_fp_problem = AnchorProblem(ids[j], "missing", None, True)
            j += 1
        if j < n and ids[j] == entry_id:
            if first_fp_problem is None and fps[j * 4 : j * 4 + 4] != _fp(h):
                first_fp_problem = AnchorProblem(entry_id, "changed", None, True)
            j += 1
        if entry_id in wanted:
            found[entry_id] = h
    if j < n and first_fp_problem is None:
        first_fp_problem = AnchorProblem(ids[j], "missing", None, True)
    if first_fp_problem is not None:
        problems.append(first_fp_problem)
    for seq, a in sorted(wanted.items()):
        got = found.get(seq)
        if got == a.hash:
            continue
        problems.append(AnchorProblem(seq, "missing" if got is None else "changed", a, False))
    problems.sort(key=lambda p: (p.entry_id, not p.exact))
    return problems


def refresh(session: Session, store: Store) -> int:
    """Remember a fingerprint of every entry (after a clean :func:`check`); returns the count."""
    ids, fps = array("I"), bytearray()
    last_id, last_hash = 0, None
    for entry_id, h in _walk(session):
        ids.append(entry_id)
        fps += _fp(h)
        last_id, last_hash = entry_id, h
    store.ids, store.fps, store.last_id, store.last_hash = ids, fps, last_id, last_hash
    if last_hash is not None:
        store.remember_head(Anchor(last_id, last_hash, clock.now().isoformat(), "verify"))
    return len(ids)


def describe(p: AnchorProblem, lang: str) -> str:
    """One line for the person running verify, naming the entry."""
    zh = lang == "zh"
    src = (p.anchor.source or "") if p.anchor else ""
    if p.exact and p.anchor is None:
        if p.reason == "missing":
            return (
                f"审计记录 #{p.entry_id} 已被删除（本机上次核验时它还在）：审计链被截断。"
                if zh
                else f"audit entry #{p.entry_id} is gone (it was there when this PC last verified): "
                "the chain was truncated."
            )
        return (
            f"审计记录 #{p.entry_id} 与本机上次核验时不同：审计链从这里起被改写并重新计算。"
            if zh
            else f"audit entry #{p.entry_id} differs from when this PC last verified: the chain was "
            "rewritten from here on and rehashed."
        )
    assert p.anchor is not None
    if p.reason == "missing":
        return (
            f"锚点 {p.anchor.text()}（{src}）记录的审计记录 #{p.entry_id} 已不存在：审计链被截断。"
            if zh
            else f"audit entry #{p.entry_id} of the anchor {p.anchor.text()} ({src}) is gone: the chain "
            "was truncated."
        )
    return (
        f"审计记录 #{p.entry_id} 的哈希值与锚点 {p.anchor.text()}（{src}）不符：审计链在此处或之前被改写并重新计算。"
        if zh
        else f"audit entry #{p.entry_id} no longer has the hash of the anchor {p.anchor.text()} ({src}): "
        "the chain was rewritten at or before it and rehashed."
    )
