"""Screenshots of the case file's 文书 tab, its new-document dialog and the preview, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_documents.py --out docs/screenshots

Builds a throw-away database with one wage-arrears complaint taken through the real
workflow to an unpaid order (so the tab offers the 令第45号 notices), keeps three notices,
and grabs the windows at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casemgr import db, validation  # noqa: E402
from casemgr.actor import Actor  # noqa: E402
from casemgr.enums import CaseKind, ClaimType, PartyRole, Role  # noqa: E402
from casemgr.models import User  # noqa: E402
from casemgr.services import cases, notices, parties, workflow  # noqa: E402

TODAY = dt.date(2026, 11, 20)


def _id(first17: str) -> str:
    return first17 + validation.resident_id_check_char(first17)


def build(url: str) -> tuple[db.Database, Actor, int]:
    database = db.open_database(url)
    with database.write() as s:
        u = User(username="inspector", display_name="刘建华", role=Role.INSPECTOR.value)
        s.add(u)
        s.flush()
        insp = Actor(u.id, u.username, Role.INSPECTOR)
        uscc = "91441500MA5000001"
        data = cases.CaseInput(
            kind=CaseKind.INSPECTION,
            received_on=dt.date(2026, 10, 8),
            employer=parties.EmployerInput(
                name="汕尾市海城建筑工程有限公司",
                uscc=uscc + validation.uscc_check_char(uscc),
                legal_rep="郑国华",
                district="城区",
                address="汕尾市城区香洲街道通港路18号",
            ),
            persons=[
                cases.PartyLink(
                    parties.PersonInput(
                        name="陈志强", id_number=_id("44152119880312001"), migrant_worker=True
                    ),
                    PartyRole.COMPLAINANT,
                )
            ],
            claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("18650.00"), 0)],
            district="城区",
        )
        cid = cases.register_case(s, insp, data, today=TODAY).id
        for code, on, f in (
            ("accept", dt.date(2026, 10, 9), {}),
            ("order_payment", dt.date(2026, 10, 20), {"document_no": "汕人社监令〔2026〕第0035号",
                                                      "pay_by": dt.date(2026, 11, 3),
                                                      "amount_ordered": Decimal("18650.00")}),
        ):  # fmt: skip
            workflow.apply_transition(s, insp, cid, code, dict(f), expected_version=None, on=on)
        notices.generate_notice(s, insp, cid, "insp_accept", today=dt.date(2026, 10, 9))
        notices.generate_notice(s, insp, cid, "insp_order", today=dt.date(2026, 10, 20))
        notices.generate_notice(
            s,
            insp,
            cid,
            "insp_receipt",
            fields={
                "served_document": "劳动保障监察限期改正指令书（汕人社监令〔2026〕第0035号）",
                "method": "直接送达",
            },
            today=dt.date(2026, 10, 21),
        )
    return database, insp, cid


def main(argv: list[str]) -> int:
    from ui import app as uiapp
    from ui import i18n
    from ui.casefile import CaseFileWindow
    from ui.screenshots import grab, settle

    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install("zh")
    with tempfile.TemporaryDirectory() as tmp:
        database, insp, cid = build(f"sqlite:///{Path(tmp) / 'docs.db'}")
        ctx = uiapp.AppContext(database, insp, "刘建华")
        cf = CaseFileWindow(ctx, cid)
        cf.show()
        settle(ctx)
        cf.tabs.setCurrentWidget(cf.documents)
        for w, h in ((1366, 768), (1920, 1080)):
            cf.resize(w, h - 40)  # the taskbar
            settle(ctx)
            grab(cf, out / f"documents-{w}.png")
        cf.resize(1366, 728)
        panel = cf.documents
        panel.new_document()
        settle(ctx)
        dlg = panel.new_dialog
        dlg.kind.setCurrentIndex(dlg.kind.findData("blacklist_notice"))
        dlg.field_widgets["document_no"].setText("汕人社监告〔2026〕第0007号")
        dlg.field_widgets["responsible"].setText("财务负责人吴某某")
        settle(ctx)
        grab(dlg, out / "documents-new.png")
        dlg.reject()
        panel.view.selectRow(1)
        panel.open_selected()
        settle(ctx)
        panel.preview.resize(900, 728)
        settle(ctx)
        grab(panel.preview, out / "documents-preview.png")
        panel.preview.close()
        cf.close()
        settle(ctx)
        ctx.runner.wait_all()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
