"""The 双随机 draw itself: a pure function of recorded inputs, so anyone can re-run it.

Algorithm ``sha256-rank-v1`` (docs/prevention.md §3 states it for a third party):

* ``h(text)`` is the lowercase hex SHA-256 of the UTF-8 bytes of ``text``.
* Employers: every id of the pool is ranked by ``h(seed + "|E|" + str(id))`` (ties, which
  SHA-256 will not produce, by id); the first ``n`` are drawn, in that order.
* Inspectors: for each drawn employer in drawn order, the inspectors without a declared
  conflict (回避) with it are ordered by (inspections already given to them in this draw,
  ``h(seed + "|I|" + str(employer_id) + "|" + str(user_id))``, id) and the first
  ``team_size`` form its team. Counting the load first spreads the work evenly; the hash
  decides among equals.
* A pool list's fingerprint is ``h(",".join(str(id) for id in sorted ids))``; conflicts are
  written ``"user_id:employer_id"``, sorted, and fingerprinted the same way.

Nothing here uses Python's ``random``: its generator may change between versions, SHA-256
will not, and any language can recompute it.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ALGORITHM = "sha256-rank-v1"


def h(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(items: Iterable[object]) -> str:
    return h(",".join(str(i) for i in items))


def conflict_keys(conflicts: Iterable[tuple[int, int]]) -> list[str]:
    """``(user_id, employer_id)`` pairs as the record writes them: ``"u:e"``, sorted."""
    return sorted({f"{u}:{e}" for u, e in conflicts})


def sample_size(pool: int, count: int | None, percent: int | None) -> int:
    """How many employers a plan draws: a count (at most the pool) or a share, rounded up."""
    if count is not None:
        return min(count, pool)
    if percent is not None:
        return min(pool, math.ceil(pool * percent / 100))
    return 0


@dataclass(frozen=True)
class DrawInputs:
    seed: str
    employer_ids: tuple[int, ...]  # sorted ascending
    inspector_ids: tuple[int, ...]  # sorted ascending
    conflicts: tuple[str, ...]  # "user_id:employer_id", sorted
    n: int
    team_size: int
    algorithm: str = ALGORITHM


class DrawImpossible(Exception):
    """An employer has fewer conflict-free inspectors than a team needs."""

    def __init__(self, employer_id: int, eligible: int) -> None:
        super().__init__(employer_id, eligible)
        self.employer_id = employer_id
        self.eligible = eligible


def run(inp: DrawInputs) -> list[tuple[int, list[int]]]:
    """[(employer_id, [user_id, ...]), ...] in drawn order."""
    if inp.algorithm != ALGORITHM:
        raise ValueError(f"unknown draw algorithm {inp.algorithm!r}")
    ranked = sorted(inp.employer_ids, key=lambda e: (h(f"{inp.seed}|E|{e}"), e))
    barred = {tuple(int(x) for x in c.split(":")) for c in inp.conflicts}
    load = dict.fromkeys(inp.inspector_ids, 0)
    out: list[tuple[int, list[int]]] = []
    for e in ranked[: inp.n]:
        eligible = [u for u in inp.inspector_ids if (u, e) not in barred]
        if len(eligible) < inp.team_size:
            raise DrawImpossible(e, len(eligible))
        eligible.sort(key=lambda u: (load[u], h(f"{inp.seed}|I|{e}|{u}"), u))
        team = eligible[: inp.team_size]
        for u in team:
            load[u] += 1
        out.append((e, team))
    return out


def record_of(inp: DrawInputs, result: Sequence[tuple[int, list[int]]]) -> dict[str, object]:
    """What the audit entry of a draw holds: every input, its fingerprint and the outcome."""
    return {
        "algorithm": inp.algorithm,
        "seed": inp.seed,
        "employer_pool": list(inp.employer_ids),
        "employer_pool_sha256": fingerprint(inp.employer_ids),
        "inspector_pool": list(inp.inspector_ids),
        "inspector_pool_sha256": fingerprint(inp.inspector_ids),
        "conflicts": list(inp.conflicts),
        "conflicts_sha256": fingerprint(inp.conflicts),
        "n": inp.n,
        "team_size": inp.team_size,
        "result": [[e, list(team)] for e, team in result],
    }


def inputs_from_record(rec: dict[str, object]) -> tuple[DrawInputs, list[str]]:
    """The inputs a record states, and which of its fingerprints do not match its lists."""
    emp = tuple(int(i) for i in rec["employer_pool"])  # type: ignore[union-attr]
    ins = tuple(int(i) for i in rec["inspector_pool"])  # type: ignore[union-attr]
    con = tuple(str(c) for c in rec["conflicts"])  # type: ignore[union-attr]
    bad = [
        name
        for name, items in (("employer_pool", emp), ("inspector_pool", ins), ("conflicts", con))
        if rec.get(f"{name}_sha256") != fingerprint(items)
    ]
    if list(emp) != sorted(set(emp)) or list(ins) != sorted(set(ins)):
        bad.append("order")
    inp = DrawInputs(
        seed=str(rec["seed"]),
        employer_ids=emp,
        inspector_ids=ins,
        conflicts=con,
        n=int(rec["n"]),  # type: ignore[call-overload]
        team_size=int(rec["team_size"]),  # type: ignore[call-overload]
        algorithm=str(rec["algorithm"]),
    )
    return inp, bad
