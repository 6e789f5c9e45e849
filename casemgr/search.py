"""Case search: case-number fragments, party and employer names, ID numbers, credit codes.

Why it is built this way:

* A Chinese name has no word boundaries and is often two characters long (王芳), which
  every trigram scheme (SQLite FTS5's ``trigram`` tokenizer, PostgreSQL's ``pg_trgm``)
  cannot look up by index. So we keep our own **bigram index** of party names,
  ``search_grams(gram, party, party_id)``: a name of n characters gives n-1 rows. A query
  of k characters intersects the k-1 bigram lists through the primary key (the lists of
  a name's bigrams are short: a person is one row reused across cases), then checks the
  candidates with a substring test, so "陈小明" never matches a person called "陈小红"
  who happens to share a case with "李小明".
* Indexing happens at the *party* level, not per case: 1,000,000 cases with 1,100,000
  persons give about 2.5 million short rows, and a person appearing in many cases is
  indexed once. Cases are reached through ``case_parties``' indexes.
* The same plain B-tree table works on SQLite and PostgreSQL alike, so the "dialect
  layer" for search is empty on purpose: no FTS5 virtual table to keep in step with
  migrations, no ``pg_trgm`` extension that needs a superuser, and no dependence on the
  server's locale classifying CJK characters as letters.
* Case numbers are found by exact match or prefix (a range on the unique index) and by
  their sequence number with or without the year ("0123", "2026-123", "〔2026〕第123号"),
  through ``ix_cases_seq``. ID numbers and credit codes: exact or prefix on their unique
  indexes. No hot path scans ``cases``.
* The index follows every ORM write: an ``after_flush`` hook rewrites the bigrams of each
  person or employer that was created, renamed or deleted in the flush, inside the same
  transaction. Bulk loaders that bypass the ORM call :func:`rebuild` (or
  :func:`gram_rows`) themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    delete,
    event,
    exists,
    func,
    insert,
    inspect,
    intersect,
    not_,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session, UOWTransaction

from casemgr import privacy, validation
from casemgr.enums import CaseKind
from casemgr.models import Case, CaseParty, Employer, Person, SearchGram

PERSON = "p"
EMPLOYER = "e"
MAX_CHAR = "\U0010ffff"

_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_YEAR_SEQ = re.compile(r"(20\d\d)\D{0,4}?(\d{1,6})\D*$")
_ALNUM = re.compile(r"^[0-9A-Za-z]+$")
_SEQ_ONLY = re.compile(r"第?\d{1,6}号?")
#: The last four characters of an ID number, as a masked screen shows them (…1234, …123X).
_LAST4 = re.compile(r"^\d{3}[\dX]$")
#: A masked ID number copied from a screen: "4415**********1234" (region kept, then the tail).
_MASKED_ID = re.compile(r"^([0-9]{0,6})\*{4,}([0-9]{3}[0-9X])$")
#: A phone number as typed: digits with optional separators, long enough to be one.
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,30}$")


def normalize(text: str) -> str:
    """What names and queries are compared on: NFKC, no spaces or punctuation, lower-case."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def grams(name: str | None) -> set[str]:
    """The bigrams of a name (one unigram for a one-character name)."""
    s = normalize(name or "")
    if len(s) == 1:
        return {s}
    return {s[i : i + 2] for i in range(len(s) - 1)}


#: At most this many bigrams of a query are intersected: SQLite refuses a compound SELECT of
#: more than 500 terms (a pasted paragraph has that many distinct pairs), and more pairs
#: narrow nothing: every candidate is then checked against the whole text anyway.
MAX_QUERY_GRAMS = 32


def query_grams(q: str) -> list[str]:
    """The bigrams a search for ``q`` intersects: all of them, or an even spread of
    :data:`MAX_QUERY_GRAMS` (deterministic, so a page and its count agree)."""
    every = sorted(grams(q))
    if len(every) <= MAX_QUERY_GRAMS:
        return every
    step = len(every) / MAX_QUERY_GRAMS
    return [every[int(i * step)] for i in range(MAX_QUERY_GRAMS)]


def gram_rows(party: str, party_id: int, name: str | None) -> list[dict[str, object]]:
    return [{"gram": g, "party": party, "party_id": party_id} for g in grams(name)]


# --------------------------------------------------------------------------- keeping the index current


def reindex_party(conn: Connection | Session, party: str, party_id: int, name: str | None) -> None:
    conn.execute(delete(SearchGram).where(SearchGram.party == party, SearchGram.party_id == party_id))
    rows = gram_rows(party, party_id, name)
    if rows:
        conn.execute(insert(SearchGram), rows)


def _name_changed(obj: Any) -> bool:
    return bool(inspect(obj).attrs.name.history.has_changes())


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    """Rewrite the bigrams of parties created, renamed or deleted in this flush."""
    todo: list[tuple[str, int, str | None]] = []
    for obj in session.new:
        if isinstance(obj, Person):
            todo.append((PERSON, obj.id, obj.name))
        elif isinstance(obj, Employer):
            todo.append((EMPLOYER, obj.id, obj.name))
    for obj in session.dirty:
        if isinstance(obj, Person | Employer) and _name_changed(obj):
            todo.append((PERSON if isinstance(obj, Person) else EMPLOYER, obj.id, obj.name))
    for obj in session.deleted:
        if isinstance(obj, Person | Employer):
            todo.append((PERSON if isinstance(obj, Person) else EMPLOYER, obj.id, None))
    if not todo:
        return
    conn = session.connection()
    for party, pid, name in todo:
        reindex_party(conn, party, pid, name)


def iter_all_gram_rows(conn: Connection | Session, batch: int = 20_000) -> Iterator[list[dict[str, object]]]:
    for party, model in ((PERSON, Person), (EMPLOYER, Employer)):
        last = 0
        while True:
            rows = conn.execute(
                select(model.id, model.name).where(model.id > last).order_by(model.id).limit(batch)
            ).all()
            if not rows:
                break
            out: list[dict[str, object]] = []
            for pid, name in rows:
                out += gram_rows(party, pid, name)
            last = rows[-1][0]
            yield out


def rebuild(conn: Connection | Session) -> int:
    """Rebuild the whole index (after a bulk load or a restore); returns the number of rows."""
    conn.execute(delete(SearchGram))
    n = 0
    for rows in iter_all_gram_rows(conn):
        if rows:
            conn.execute(insert(SearchGram), rows)
            n += len(rows)
    return n


# --------------------------------------------------------------------------- querying


def _prefix(col: Any, text: str) -> Any:
    """``col`` starts with ``text``, as a range the B-tree index can serve.

    Binary (code-point) order on SQLite; on PostgreSQL the database is created with the C
    collation (docs/deployment.md), which orders the same way.
    """
    return and_(col >= text, col < text + MAX_CHAR)


def _party_ids(session: Session, text: str, limit: int) -> tuple[list[int], list[int]]:
    """(person ids, employer ids) whose name contains ``text``."""
    q = normalize(text)
    if not q:
        return [], []
    if len(q) == 1:
        cand = select(SearchGram.party, SearchGram.party_id).where(_prefix(SearchGram.gram, q)).distinct()
    else:
        parts = query_grams(q)
        selects = [select(SearchGram.party, SearchGram.party_id).where(SearchGram.gram == g) for g in parts]
        cand = selects[0] if len(selects) == 1 else selects[0].intersect(*selects[1:])
    cand_sq = cand.subquery()
    persons = list(
        session.execute(
            select(Person.id)
            .join(cand_sq, and_(cand_sq.c.party == PERSON, cand_sq.c.party_id == Person.id))
            .limit(limit * 4)
        ).scalars()
    )
    employers = list(
        session.execute(
            select(Employer.id)
            .join(cand_sq, and_(cand_sq.c.party == EMPLOYER, cand_sq.c.party_id == Employer.id))
            .limit(limit * 4)
        ).scalars()
    )
    if len(q) > 2:
        # Bigrams only say "contains each pair"; keep the names that contain the whole text.
        persons = _contains(session, Person, persons, q)
        employers = _contains(session, Employer, employers, q)
    return persons, employers


def _contains(session: Session, model: Any, ids: list[int], q: str) -> list[int]:
    if not ids:
        return []
    names = session.execute(select(model.id, model.name).where(model.id.in_(ids))).all()
    return [pid for pid, name in names if q in normalize(name)]


def _number_conditions(text: str) -> list[Any]:
    """Conditions on ``cases`` for a case-number fragment."""
    t = text.strip()
    conds: list[Any] = [_prefix(Case.number, t)]
    digits = re.sub(r"\D", "", t)
    m = _YEAR_SEQ.search(t)
    if m and 4 < len(digits) <= 10:
        conds.append(and_(Case.seq == int(m.group(2)), Case.year == int(m.group(1))))
    elif _SEQ_ONLY.fullmatch(t):
        conds.append(Case.seq == int(digits))
    return conds


def _identifier_person_ids(session: Session, text: str) -> tuple[list[int], list[int]]:
    t = text.strip().upper()
    if not _ALNUM.match(t) or len(t) < 6:
        return [], []
    if len(t) == 18:
        p = [Person.id_number == t]
        e = [Employer.uscc == t]
    else:
        p = [_prefix(Person.id_number, t)]
        e = [_prefix(Employer.uscc, t)]
    persons = list(session.execute(select(Person.id).where(*p).limit(1000)).scalars())
    employers = list(session.execute(select(Employer.id).where(*e).limit(1000)).scalars())
    return persons, employers


def _tail_person_ids(session: Session, text: str) -> list[int]:
    """Persons by the end of their ID number (what a masked screen shows) or by phone.

    ``1234``: every person whose ID number ends so (``ix_persons_id_last4``; at a city's
    scale about a hundred people share four digits). ``4415**********1234``: the same,
    narrowed to the shown beginning. A phone number: exact or, from seven digits, as a
    prefix (``ix_persons_phone``)."""
    t = text.strip().upper()
    conds: list[Any] = []
    if _LAST4.match(t):
        conds.append(Person.id_last4 == t)
    m = _MASKED_ID.match(t)
    if m:
        conds.append(and_(Person.id_last4 == m.group(2), _prefix(Person.id_number, m.group(1))))
    if _PHONE.match(t):
        digits = re.sub(r"[ \-]", "", t)
        conds.append(Person.phone == digits)
        if len(digits) >= 7:
            conds.append(_prefix(Person.phone, digits))
        if digits != t:
            conds.append(Person.phone == t)
    if not conds:
        return []
    return list(session.execute(select(Person.id).where(or_(*conds)).limit(1000)).scalars())


def _case_ids_for_parties(persons: Iterable[int], employers: Iterable[int]) -> list[Any]:
    persons, employers = list(persons), list(employers)
    out: list[Any] = []
    if persons:
        # Never through a reporter's link: finding a 举报 by the reporter's name or ID number
        # would confirm who reported (a count is enough to leak it). The reporter is found
        # where they are an ordinary party.
        out.append(
            select(CaseParty.case_id.label("id"))
            .join(Case, Case.id == CaseParty.case_id)
            .where(CaseParty.person_id.in_(persons), not_(privacy.confidential_link(Case, CaseParty)))
        )
    if employers:
        out.append(select(CaseParty.case_id.label("id")).where(CaseParty.employer_id.in_(employers)))
        out.append(select(Case.id.label("id")).where(Case.employer_id.in_(employers)))
    return out


def search_case_ids(
    session: Session, text: str, *, kind: CaseKind | str | None = None, limit: int = 200
) -> list[int]:
    """Ids of cases matching ``text``, newest first, at most ``limit``.

    ``text`` may be a case number or a fragment of it, a sequence number, a party or
    employer name or part of one (two characters are enough), a resident ID number or a
    credit code (whole or the first six or more characters), the last four characters of
    an ID number or a masked one as shown on screen, or a phone number.
    """
    text = validation.strip_control_chars(text or "").strip()  # NUL breaks PostgreSQL
    if not text:
        return []
    exact = session.execute(select(Case.id, Case.kind).where(Case.number == text)).first()
    if exact is not None:  # a whole case number: that case and nothing else
        return [exact.id] if kind is None or exact.kind == CaseKind(kind).value else []
    selects: list[Any] = []
    has_digit = any(c.isdigit() for c in text)
    if has_digit or not _CJK.search(text):
        selects.append(select(Case.id.label("id")).where(or_(*_number_conditions(text))))
        p_ids, e_ids = _identifier_person_ids(session, text)
        p_ids += _tail_person_ids(session, text)
        selects += _case_ids_for_parties(p_ids, e_ids)
    if normalize(text) and not (has_digit and not _CJK.search(text)):
        p_ids, e_ids = _party_ids(session, text, limit)
        selects += _case_ids_for_parties(p_ids, e_ids)
    if not selects:
        return []
    matched = union(*selects).subquery() if len(selects) > 1 else selects[0].subquery()
    stmt = select(matched.c.id)
    if kind is not None:
        stmt = stmt.join(Case, Case.id == matched.c.id).where(Case.kind == CaseKind(kind).value)
    stmt = stmt.order_by(matched.c.id.desc()).limit(limit)
    return list(session.execute(stmt).scalars())


# --------------------------------------------------------------------------- the case lists' search


#: Above this many matching employers (or persons) a name search is *broad*: its parties
#: have tens of thousands of cases between them ("建筑": 4,000 employers and 80,000 cases at
#: 1M; "有限公司": every employer). Collecting all of them to show the newest 200 took
#: 0.7-7 s; a broad search instead walks the list in its own order and stops.
BROAD_EMPLOYERS = 300
BROAD_PERSONS = 3000
#: A broad search whose text is in at least this share of the employers' names ("有限公司":
#: all of them) counts by testing cases in list order: the cap is reached after a few
#: thousand cases, where reading the employers' cases one employer at a time first
#: collects the whole list of employers (60 ms at 1M).
DENSE_SHARE = 0.25


@dataclass(frozen=True)
class ListSearch:
    """How a case list applies a search (``casemgr.queries.CaseQuery``).

    narrow: ``ids`` are the matches (newest first, at most the list's cap + 1), and
    ``condition`` is ``cases.id IN ids``: exact, counted exactly.
    broad: ``condition`` tests each case against the matching parties, which SQL reads
    once from the bigram index; ``walk`` is the same test written so that SQLite cannot
    use an index for it (``+ 0``), so a page reads the list's own index in order and stops
    after 200 matches instead of collecting every match first; the count stops at the cap.
    """

    condition: Any
    walk: Any
    ids: tuple[int, ...] | None
    broad: bool
    #: broad: the employer half of ``condition`` alone. A count tries it first: SQLite reads
    #: it employer by employer and can stop at the cap, where the two halves together are
    #: collected whole before counting (every case of "有限公司": 110 ms at 1M).
    by_employer: Any = None


def list_search(session: Session, text: str, *, kind: CaseKind | str | None, cap: int) -> ListSearch:
    """The search of a case list for ``text`` (see :class:`ListSearch`)."""
    text = validation.strip_control_chars(text or "").strip()
    q = normalize(text)
    has_digit = any(c.isdigit() for c in text)
    if q and not (has_digit or not _CJK.search(text)):
        broad = _broad_name_condition(session, q)
        if broad is not None:
            cond, walk, by_employer = broad
            return ListSearch(cond, walk, None, True, by_employer)
    ids = tuple(search_case_ids(session, text, kind=kind, limit=cap + 1))
    cond = Case.id.in_(ids) if ids else Case.id.is_(None)
    return ListSearch(cond, cond, ids, False)


def _gram_party_ids(party: str, q: str) -> Any:
    """The ids of parties of one kind whose name has every bigram of ``q``, as a subquery."""
    if len(q) == 1:
        return select(SearchGram.party_id).where(SearchGram.party == party, _prefix(SearchGram.gram, q))
    parts = query_grams(q)
    selects = [
        select(SearchGram.party_id).where(SearchGram.gram == g, SearchGram.party == party) for g in parts
    ]
    return selects[0] if len(selects) == 1 else intersect(*selects)


def _employer_ids(q: str) -> Any:
    """Employers whose name contains ``q``, as a subquery. Longer than two characters: a
    substring test over the employers themselves (tens of thousands of rows in a city, read
    faster than intersecting the bigram lists of "有限公司", which every employer has)."""
    if len(q) <= 2:
        return _gram_party_ids(EMPLOYER, q)
    return select(Employer.id).where(func.lower(Employer.name).contains(q, autoescape=True))


def _person_ids(q: str) -> Any:
    """Persons whose name contains ``q`` (a million of them: always through the bigrams)."""
    grams_ = _gram_party_ids(PERSON, q)
    if len(q) <= 2:
        return grams_
    return select(Person.id).where(
        Person.id.in_(grams_), func.lower(Person.name).contains(q, autoescape=True)
    )


def _broad_name_condition(session: Session, q: str) -> tuple[Any, Any, Any] | None:
    """(condition, walk condition, employer condition) for a name search with many matching
    parties, or None.

    Bigrams only say "contains each pair": longer texts also test the whole text, here as
    a substring of the lower-cased name (the exact path also drops spaces and punctuation
    inside names; a broad search of plain text does not need that).
    """
    employers, persons = _employer_ids(q), _person_ids(q)
    total = int(session.execute(select(func.count()).select_from(Employer)).scalar_one() or 0)
    dense_at = max(BROAD_EMPLOYERS + 1, int(total * DENSE_SHARE))
    n_emp = _bounded_count(session, employers, dense_at)
    n_per = _bounded_count(session, persons, BROAD_PERSONS)
    if n_emp <= BROAD_EMPLOYERS and n_per <= BROAD_PERSONS:
        return None
    dense = n_emp > dense_at - 1
    # The respondent employer of a case is ``cases.employer_id`` (services.cases.register_case
    # links it as the case's one employer party); persons are reached through case_parties.
    by_person = select(CaseParty.case_id).where(CaseParty.person_id.in_(persons))
    # Counting: the matching employers read once, then their cases from ix_cases_employer.
    cond = or_(Case.employer_id.in_(employers), Case.id.in_(by_person))
    # A page in list order: each case's employer tested where it stands (a primary-key probe
    # of the bigram index or of the employer), nothing collected first; the persons' cases
    # are few enough to read once. ``+ 0``: SQLite must not serve these from an index.
    if len(q) == 2:
        employer_walk: Any = exists().where(
            SearchGram.gram == q, SearchGram.party == EMPLOYER, SearchGram.party_id == Case.employer_id
        )
    elif len(q) > 2:
        employer_walk = exists().where(
            Employer.id == Case.employer_id, func.lower(Employer.name).contains(q, autoescape=True)
        )
    else:
        employer_walk = (Case.employer_id + 0).in_(employers)
    walk = or_(employer_walk, (Case.id + 0).in_(by_person))
    return cond, walk, employer_walk if dense else Case.employer_id.in_(employers)


def _bounded_count(session: Session, stmt: Any, limit: int) -> int:
    inner = stmt.limit(limit + 1) if hasattr(stmt, "limit") else stmt
    return int(session.execute(select(func.count()).select_from(inner.subquery())).scalar_one())
