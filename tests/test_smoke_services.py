import datetime as dt
from decimal import Decimal

from casemgr.enums import CaseKind, ClaimType, PartyRole, Role
from casemgr.services import cases, parties

ID1 = "11010519491231002X"
USCC1 = "91350100M000100Y43"


def test_register(database, actors):
    with database.write() as s:
        c = cases.register_case(
            s,
            actors[Role.CLERK],
            cases.CaseInput(
                kind=CaseKind.ARBITRATION,
                received_on=dt.date(2026, 3, 2),
                employer=parties.EmployerInput(name="某某建筑公司", uscc=USCC1, district="城区"),
                persons=[
                    cases.PartyLink(
                        parties.PersonInput(name="张三", id_number=ID1, migrant_worker=True),
                        PartyRole.APPLICANT,
                    )
                ],
                claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("12000.50"), 0)],
            ),
            today=dt.date(2026, 11, 26),
        )
        assert c.number == "汕劳人仲案字〔2026〕第0001号"
        assert c.green_channel and c.amount_claimed == Decimal("12000.50")
