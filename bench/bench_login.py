"""What a log-in costs, and that its answer takes as long whoever asks: ``python bench/bench_login.py``.

Issue 13 finding 7: a locked account answered in 16 ms and an unknown or wrong one in
~600 ms, so the time told which user names exist. With the production argon2id parameters
(casemgr.auth.PRODUCTION_HASHER) this times ``auth.authenticate`` on a fresh SQLite database
for: the right password, a wrong one, an unknown user, a deactivated user and a locked
account (each answer includes committing its audit entry), plus one hash and one upgrade of
an old scrypt hash. Prints median and spread per case and the ratio of each failure's median
to the wrong-password median (1.00 = indistinguishable). Wall-clock, on a shared machine:
read the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from casemgr import auth, db  # noqa: E402
from casemgr.enums import Role  # noqa: E402
from casemgr.errors import AuthError  # noqa: E402
from casemgr.models import User  # noqa: E402
from casemgr.services import users  # noqa: E402

PW = "Bench-login-pass-2026"
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def _old_scrypt(password: str) -> str:
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**15, r=8, p=1, dklen=32, maxmem=2**27)
    return f"scrypt${2**15}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    auth.HASHER = auth.PRODUCTION_HASHER
    with tempfile.TemporaryDirectory() as tmp:
        database = db.open_database(f"sqlite:///{Path(tmp) / 'login.db'}")
        with database.write() as s:
            admin = auth.create_initial_admin(s, "admin", "管理员", PW)
            for name in ("gone", "locked", "old"):
                users.create_user(s, admin, name, name, Role.CLERK.value, PW)
        with database.write() as s:
            for u in s.execute(select(User)).scalars():
                if u.username == "gone":
                    u.active = False

        def lock() -> None:
            with database.write() as s:
                u = s.execute(select(User).where(User.username == "locked")).scalar_one()
                u.locked_until = NOW + dt.timedelta(days=1)

        def attempt(name: str, pw: str) -> float:
            t0 = time.perf_counter()
            try:
                with database.write() as s:
                    auth.authenticate(s, name, pw, now=NOW)
            except AuthError:
                pass
            return (time.perf_counter() - t0) * 1000

        lock()
        cases = {
            "right password": ("admin", PW),
            "wrong password": ("admin", "Wrong-pass-2026"),
            "unknown user": ("nobody", PW),
            "deactivated user": ("gone", PW),
            "locked account": ("locked", PW),
        }
        times: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(args.rounds):
            for k, (name, pw) in cases.items():
                if k == "wrong password":  # never lock the admin: reset the counter
                    with database.write() as s:
                        s.execute(select(User).where(User.username == "admin")).scalar_one().failed_logins = 0
                times[k].append(attempt(name, pw))
        t0 = time.perf_counter()
        auth.hash_password(PW)
        one_hash = (time.perf_counter() - t0) * 1000
        with database.write() as s:
            s.execute(select(User).where(User.username == "old")).scalar_one().password_hash = _old_scrypt(PW)
        upgrade = attempt("old", PW)
        with database.read() as s:
            upgraded = s.execute(select(User).where(User.username == "old")).scalar_one().password_hash
        database.dispose()
    base = statistics.median(times["wrong password"])
    print(
        f"log-in answers, argon2id m={auth.HASHER.memory_cost} KiB t={auth.HASHER.time_cost} "
        f"p={auth.HASHER.parallelism}, {args.rounds} rounds each"
    )
    print(f"{'case':<20}{'median ms':>10}{'min':>8}{'max':>8}{'÷ wrong':>9}")
    for k, v in times.items():
        med = statistics.median(v)
        print(f"{k:<20}{med:>10.1f}{min(v):>8.1f}{max(v):>8.1f}{med / base:>9.2f}")
    print(f"one hash_password: {one_hash:.1f} ms")
    print(f"old scrypt hash logs in and is rewritten: {upgrade:.1f} ms -> {upgraded[:30]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
