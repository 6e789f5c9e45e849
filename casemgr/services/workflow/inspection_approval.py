"""Who approves an inspection extension (粤条例 Art. 44; 劳动保障监察条例 Art. 17; 令第45号 Art. 8).

The law names the head of the labour bureau ("人力资源社会保障行政部门负责人批准"). Which
accounts stand for the head is the bureau's dated setting ``extension_approvers.inspection``
("role:<role>" / "user:<username>" entries); whoever asked for the extension never approves it.

Kept small and local to the inspection path on purpose (issue 14 part B): the arbitration side
has its own shared check, and the two are meant to become one function at merge.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.actor import Actor
from casemgr.errors import PermissionDenied
from casemgr.models import Case, Deadline, Event

SETTING = "extension_approvers.inspection"


def requester_of(session: Session, case: Case, deadline: Deadline) -> int | None:
    """The user who asked for the pending extension of ``deadline`` (None: nobody asked)."""
    rows = session.execute(
        select(Event.user_id, Event.data)
        .where(Event.case_id == case.id, Event.action == "extension_requested")
        .order_by(Event.id.desc())
    ).all()
    for user_id, raw in rows:
        if raw and json.loads(raw).get("deadline_id") == deadline.id:
            return user_id
    return None


def require_inspection_approver(
    session: Session, actor: Actor, case: Case, deadline: Deadline, on: dt.date
) -> None:
    allowed = [str(x) for x in settings.get(session, SETTING, on)]
    if f"role:{actor.role}" not in allowed and f"user:{actor.username}" not in allowed:
        names = "、".join(a.partition(":")[2] for a in allowed)
        raise PermissionDenied(
            f"监察办案时限的延长由本局负责人批准（《广东省劳动保障监察条例》（2019年修正）第四十四条），"
            f"本局指定的审批人为：{names}。",
            "An inspection extension is approved by the head of the bureau (Guangdong Labour "
            f"Inspection Regulations, 2019 revision, Art. 44); here: {names}.",
            code="permission",
        )
    if actor.user_id is not None and requester_of(session, case, deadline) == actor.user_id:
        raise PermissionDenied(
            "不能审批本人提出的延期申请。",
            "You cannot approve your own extension request.",
            code="permission",
        )
