"""One search across every kind of case: the main window's search box (issue 15).

A clerk on the phone hears a name, a phone number or the last four digits of an ID number
(all a masked screen shows), not which list the case is in. :class:`GlobalSearch` is a
case list over every kind the acting user may view, through the same indexed search as
the lists (``casemgr.search``: bigrams for names, ``ix_persons_id_last4`` and
``ix_persons_phone`` for the tails and phones, the unique indexes for ID numbers and credit
codes, ``ix_cases_seq`` for case numbers), newest registered first, one page at a time.

Each row also says *what matched*, so the clerk can tell the 张伟 on the phone from the
other eleven: a party's name with the ID number and phone **masked** (a list never shows
them whole, whatever the role: the full values are shown only in the case file, on
request, audited; ``casemgr.privacy``), or the employer's name and credit code, or the case
number. A reporter (举报人) is never matched and never described, for any role: the search
does not follow a reporter's link (``casemgr.search``), and the description is built from
the case's non-confidential parties only, so neither a row nor a count can tell that the
person searched for reported anyone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import not_, select
from sqlalchemy.orm import Session

from casemgr import permissions, privacy, search, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.models import Case, CaseParty, Employer, Person
from casemgr.queries.cases import CaseFilters, CaseQuery, CaseRow

#: What matched, as the results list labels it (the UI translates these codes).
MATCH_NUMBER = "number"
MATCH_NAME = "name"
MATCH_ID_NUMBER = "id_number"
MATCH_ID_LAST4 = "id_last4"
MATCH_PHONE = "phone"
MATCH_EMPLOYER = "employer"
MATCH_USCC = "uscc"

#: Shortest text searched: one character matches too much to be useful in a city.
MIN_CHARS = 2


@dataclass(frozen=True)
class Match:
    """Why a case is in the results: one party (masked) or the case number."""

    field: str  # one of the MATCH_* codes
    role: str | None = None  # the party's role on the case (PartyRole value); None for the number
    name: str | None = None
    id_number: str | None = None  # masked
    phone: str | None = None  # masked
    uscc: str | None = None  # an employer's credit code: public register data, shown whole


@dataclass(frozen=True)
class SearchHit:
    """One row of the global search's results."""

    case: CaseRow
    matches: tuple[Match, ...]


def viewable_kinds(actor: Actor) -> tuple[str, ...]:
    """The kinds of case ``actor`` may view (``case.view``), from the permission matrix."""
    return tuple(k.value for k in CaseKind if permissions.allowed(actor, "case.view", k))


@dataclass(frozen=True)
class GlobalSearch:
    """The results of one search for one user: ``count`` and ``page`` as the lists have them.

    Immutable; the search itself runs once per object (its :class:`CaseQuery` keeps it).
    """

    actor: Actor
    text: str
    today: dt.date | None = None
    _query: CaseQuery = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        text = validation.strip_control_chars(self.text or "").strip()
        object.__setattr__(self, "text", text)
        kinds = viewable_kinds(self.actor)
        query = CaseQuery(
            kind=None,
            filters=CaseFilters(kinds=kinds if len(kinds) < len(CaseKind) else ()),
            sort="id",
            descending=True,
            search=text,
            today=self.today,
        )
        object.__setattr__(self, "_query", query)

    @property
    def searchable(self) -> bool:
        """Whether the text is long enough to search (shorter: no rows, and no query run)."""
        return len(search.normalize(self.text)) >= MIN_CHARS or bool(re.search(r"\d", self.text))

    def _check(self) -> bool:
        permissions.require(self.actor, "case.view")
        return self.searchable and bool(viewable_kinds(self.actor))

    def count(self, session: Session) -> int:
        return self._query.count(session) if self._check() else 0

    def count_is_capped(self, n: int) -> bool:
        return self._query.count_is_capped(n)

    def page(self, session: Session, offset: int, limit: int) -> list[SearchHit]:
        if not self._check():
            return []
        rows = self._query.page(session, offset, limit)
        found = matches(session, self.text, [r.id for r in rows])
        return [SearchHit(r, found.get(r.id, ())) for r in rows]

    def fresh(self) -> GlobalSearch:
        return dataclasses.replace(self)


def matches(session: Session, text: str, case_ids: Sequence[int]) -> dict[int, tuple[Match, ...]]:
    """What matched ``text`` on each of ``case_ids`` (one page): masked, reporters left out.

    Decided again here from the page's parties (a few hundred rows) rather than carried
    out of the search, which only returns case ids: the same tests the search makes, on
    the values themselves.
    """
    if not case_ids:
        return {}
    t = text.strip().upper()
    q = search.normalize(text)
    digits = re.sub(r"[ \-]", "", t)
    last4 = t if re.fullmatch(r"\d{3}[\dX]", t) else None
    masked = re.fullmatch(r"([0-9]{0,6})\*{4,}([0-9]{3}[0-9X])", t)
    out: dict[int, list[Match]] = {cid: [] for cid in case_ids}

    persons = session.execute(
        select(CaseParty.case_id, CaseParty.role, Person.name, Person.id_number, Person.phone)
        .join(Person, Person.id == CaseParty.person_id)
        .join(Case, Case.id == CaseParty.case_id)
        .where(CaseParty.case_id.in_(case_ids), not_(privacy.confidential_link(Case, CaseParty)))
        .order_by(CaseParty.id)
    ).all()
    for cid, role, name, id_number, phone in persons:
        idn = (id_number or "").upper()
        how: str | None = None
        if idn and (idn == t or (len(t) >= 6 and t.isalnum() and idn.startswith(t))):
            how = MATCH_ID_NUMBER
        elif idn and last4 and idn.endswith(last4):
            how = MATCH_ID_LAST4
        elif idn and masked and idn.endswith(masked.group(2)) and idn.startswith(masked.group(1)):
            how = MATCH_ID_LAST4
        elif (
            phone
            and digits.isdigit()
            and (phone == digits or (len(digits) >= 7 and phone.startswith(digits)))
        ):
            how = MATCH_PHONE
        elif q and not any(c.isdigit() for c in t) and q in search.normalize(name):
            how = MATCH_NAME
        if how:
            out[cid].append(
                Match(
                    how,
                    role,
                    name,
                    privacy.mask_id_number(id_number),
                    privacy.mask_phone(phone),
                )
            )

    employer_rows = session.execute(
        select(Case.id, Employer.name, Employer.uscc)
        .join(Employer, Employer.id == Case.employer_id)
        .where(Case.id.in_(case_ids))
    ).all()
    numbers = dict(session.execute(select(Case.id, Case.number).where(Case.id.in_(case_ids))).all())
    for cid, name, uscc in employer_rows:
        code = (uscc or "").upper()
        if code and (code == t or (len(t) >= 6 and t.isalnum() and code.startswith(t))):
            out[cid].append(Match(MATCH_USCC, None, name, uscc=uscc))
        elif q and not any(c.isdigit() for c in t) and q in search.normalize(name):
            out[cid].append(Match(MATCH_EMPLOYER, None, name, uscc=uscc))
    for cid in case_ids:
        if not out[cid]:  # nothing on a party: the case number (or its sequence number)
            out[cid].append(Match(MATCH_NUMBER, None, numbers.get(cid)))
    return {cid: tuple(ms) for cid, ms in out.items()}
