"""An open session re-reads its user at every call (issue 13 finding 4), without Qt.

The desktop keeps its actor for hours; an administrator may deactivate the user or change
their role meanwhile. Every call of the desktop goes through ``casemgr.auth.run_as`` (the op
runner, ui/ops.py, tested in tests/test_ui_ops.py): the next call after the change is judged
by what the users table says now, and refused without changing anything.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import auth, db
from casemgr.actor import SYSTEM, Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import AuthError
from casemgr.models import AuditEntry, Case
from casemgr.services import cases, users
from tests.helpers import TODAY, case_input


def _counts(database: db.Database) -> tuple[int, int]:
    with database.read() as s:
        return (
            s.execute(select(func.count()).select_from(Case)).scalar_one(),
            s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
        )


def _register(actor: Actor, n: int = 1) -> Callable[[Session], int]:
    """A service call as the desktop makes it (a function of the op's session)."""
    return lambda s: cases.register_case(s, actor, case_input(CaseKind.ARBITRATION, n=n), today=TODAY).id


def test_an_unchanged_user_goes_on(database: db.Database, actors: dict[Role, Actor]) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.read() as s:
        assert auth.current_actor(s, sup) == sup
        assert auth.current_actor(s, SYSTEM) is SYSTEM
    assert auth.run_as(database.write, sup, _register(sup))
    assert auth.run_as(database.read, sup, lambda s: 42) == 42


def test_a_deactivated_users_next_call_is_refused_and_changes_nothing(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    auth.run_as(database.write, clerk, _register(clerk, 1))
    with database.write() as s:
        users.deactivate(s, admin, clerk.user_id)
    before = _counts(database)
    called = []
    for open_session in (database.write, database.read):
        with pytest.raises(AuthError) as err:
            auth.run_as(open_session, clerk, lambda s: called.append(1) or _register(clerk, 2)(s))
        assert err.value.code == "session_ended"
        assert "停用" in err.value.zh and "deactivated" in err.value.en
    assert called == [] and _counts(database) == before


def test_a_demoted_users_next_call_is_judged_by_the_new_role(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    """A supervisor made mediator: the desktop still holds 'supervisor'; the call is refused."""
    sup, admin = actors[Role.SUPERVISOR], actors[Role.ADMIN]
    case_id = auth.run_as(database.write, sup, _register(sup, 1))
    with database.write() as s:
        users.set_role(s, admin, sup.user_id, Role.MEDIATOR)
    before = _counts(database)
    with pytest.raises(AuthError) as err:
        auth.run_as(
            database.write,
            sup,
            lambda s: cases.assign_case(s, sup, case_id, admin.user_id, expected_version=1),
        )
    assert err.value.code == "session_ended" and "调解员" in err.value.zh and "mediator" in err.value.en
    assert _counts(database) == before
    # Logged in again, the same user acts as a mediator: an arbitration case is not theirs.
    with database.read() as s:
        again = auth.current_actor(s, Actor(sup.user_id, sup.username, Role.MEDIATOR, sup.district))
    assert again.role is Role.MEDIATOR


def test_a_promoted_or_moved_user_logs_in_again_too(database: db.Database, actors: dict[Role, Actor]) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    with database.write() as s:
        users.set_district(s, admin, clerk.user_id, "海丰县")
    with database.read() as s, pytest.raises(AuthError) as err:
        auth.current_actor(s, clerk)
    assert err.value.code == "session_ended" and "海丰县" in err.value.zh


def test_a_deleted_user_row_ends_the_session(database: db.Database, actors: dict[Role, Actor]) -> None:
    ghost = Actor(user_id=999_999, username="ghost", role=Role.SUPERVISOR)
    with database.read() as s, pytest.raises(AuthError) as err:
        auth.current_actor(s, ghost)
    assert err.value.code == "session_ended"
