"""One planning process, the child side of the pool (``python -m casemgr.io.planner``).

The parent (:class:`casemgr.io.planner_pool.Planners`) writes frames: first the writer's set-up
(database URL, actor, today, ledger groups), then tasks — ``C`` + a batch of rows to check
(:func:`casemgr.io.ledger_rows.check_batch`) or a packed chunk to plan
(:meth:`casemgr.io.bulk.BulkWriter.plan`). Each reply is ``K`` + the result or ``E`` + a
traceback, after which the child stops. It opens its own connection and reads only the
bureau's rules, settings and calendar, which an import does not change.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback

from sqlalchemy.orm import Session

from casemgr import db
from casemgr.io import bulk
from casemgr.io.ledger_rows import check_batch
from casemgr.io.planner_pool import read_frame, write_frame


def main() -> int:
    """The child: plan tasks until the parent closes the pipe."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the frames
    inp = sys.stdin.buffer
    planner: bulk.BulkWriter | None = None
    while True:
        frame = read_frame(inp)
        if frame is None:
            return 0
        try:
            if planner is None:
                url, actor, today, groups = pickle.loads(frame)
                planner = bulk.BulkWriter(
                    Session(db.make_engine(url)), actor, today, groups, planner_only=True
                )
                continue
            if frame[:1] == b"C":  # check rows (casemgr.io.ledger_import.check_shared)
                reply = b"K" + check_batch(frame[1:])
            else:
                reply = b"K" + bulk.pack_plan(planner.plan(*bulk.unpack_task(frame)))
        except Exception:
            reply = b"E" + traceback.format_exc().encode("utf-8")
        write_frame(out, reply)
        if reply[:1] == b"E":
            return 1


if __name__ == "__main__":
    sys.exit(main())
