"""The desktop's log-in on PostgreSQL with one login role per user (casemgr.pgroles): the
dialog's user name and password open the connection; the forced password change goes
through the server; a wrong password is the usual inline message."""

from __future__ import annotations

from typing import Any

import pytest

from casemgr import pgroles
from casemgr.enums import Role
from casemgr.services import pglogin, users
from tests.conftest import on_postgres
from tests.test_pg_roles import Site, site  # noqa: F401  (the secured database, module-scoped)

pytestmark = on_postgres


def test_the_login_dialog_connects_as_the_user(site: Site, qtbot: Any) -> None:  # noqa: F811
    from ui.login import ChangePasswordDialog, LoginDialog

    site.passwords["uiuser"] = "Kw-ui-Tianhe-2026"
    with site.database("chief").write() as x:
        users.create_user(
            x, site.actors["chief"], "uiuser", "界面用户", Role.MEDIATOR, site.passwords["uiuser"]
        )
    dlg = LoginDialog(None, server_url=site.url)
    qtbot.addWidget(dlg)
    dlg.username.setText("uiuser")
    dlg.password.setText("not-the-password")
    dlg.submit()
    assert dlg.actor is None and dlg.database is None
    assert "Wrong user name or password" in dlg.error.text()
    dlg.password.setText(site.passwords["uiuser"])
    dlg.submit()
    assert dlg.actor is not None and dlg.database is not None and dlg.must_change
    assert dlg.display_name == "界面用户"
    change = ChangePasswordDialog(dlg.database, dlg.actor)
    qtbot.addWidget(change)
    change.old.setText(site.passwords["uiuser"])
    change.new.setText("Kw-ui2-Tianhe-2026")
    change.new2.setText("Kw-ui2-Tianhe-2026")
    change.submit()
    assert change.result() == change.DialogCode.Accepted, change.error.text()
    with dlg.database.read() as s:
        assert pgroles.sweeps_at_login(s, dlg.actor) is False  # a mediator's login may not
    dlg.database.dispose()
    pglogin.connect(site.url, "uiuser", "Kw-ui2-Tianhe-2026").dispose()
    with pytest.raises(Exception, match="Wrong user name"):
        pglogin.connect(site.url, "uiuser", site.passwords["uiuser"])
