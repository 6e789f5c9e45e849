"""Money ordered, paid and still owed, per claim line and per worker (plain values, no I/O).

An order to pay (责令限期支付) or an award sets ``amount_ordered`` on the claim lines it
covers; a payment adds to ``amount_paid`` on the lines it pays. A decision that closes an
inspection case does not extinguish what is still owed (保障农民工工资支付条例 Arts. 42, 51-57;
粤条例 Art. 51): while :func:`outstanding` is above zero the order's clock runs on and the
enforcement ladder stays open. The services and the case file read the figures from here,
so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Line:
    """One claim line as this module needs it."""

    id: int
    worker: str | None  # the worker's name (None: the case as a whole)
    ordered: Decimal | None
    paid: Decimal
    months: int | None = None  # months of wages the line is for (the crime threshold's "三个月")
    extra: bool = False  # 加付赔偿金 ordered for late payment, not the arrears themselves


#: 加付赔偿金: 50 %-100 % of what is owed (劳动合同法 Art. 85; 劳动保障监察条例 Art. 26).
EXTRA_RATE_MIN = Decimal("0.5")
EXTRA_RATE_MAX = Decimal("1")


@dataclass(frozen=True)
class WorkerMoney:
    worker: str | None
    ordered: Decimal  # everything ordered, the additional compensation included
    paid: Decimal
    extra: Decimal = ZERO  # of ``ordered``: the 加付赔偿金

    @property
    def outstanding(self) -> Decimal:
        return max(ZERO, self.ordered - self.paid)


def line_outstanding(line: Line) -> Decimal:
    return max(ZERO, (line.ordered or ZERO) - line.paid)


def by_worker(lines: Iterable[Line]) -> list[WorkerMoney]:
    """Ordered / paid / outstanding per worker, in the order the workers first appear; only
    lines with an ordered amount count (a claim nobody ordered is not owed)."""
    out: dict[str | None, list[Decimal]] = {}
    for ln in lines:
        if ln.ordered is None:
            continue
        acc = out.setdefault(ln.worker, [ZERO, ZERO, ZERO])
        acc[0] += ln.ordered
        acc[1] += ln.paid
        if ln.extra:
            acc[2] += ln.ordered
    return [WorkerMoney(w, o, p, x) for w, (o, p, x) in out.items()]


def extra_compensation(lines: Iterable[Line], rate: Decimal) -> dict[str | None, Decimal]:
    """加付赔偿金 per worker: ``rate`` (50 %-100 %) times what the worker is still owed of the
    order, to the fen (half up). Reading of "按应付金额": the amount the order required and
    the employer did not pay by its deadline — what was paid on time is not "逾期不支付"."""
    from decimal import ROUND_HALF_UP

    if not EXTRA_RATE_MIN <= rate <= EXTRA_RATE_MAX:
        raise ValueError(rate)
    owed: dict[str | None, Decimal] = {}
    for ln in lines:
        if not ln.extra and ln.ordered is not None:
            owed[ln.worker] = owed.get(ln.worker, ZERO) + line_outstanding(ln)
    return {w: (o * rate).quantize(ZERO, rounding=ROUND_HALF_UP) for w, o in owed.items() if o > 0}


def outstanding(lines: Iterable[Line]) -> Decimal:
    return sum((line_outstanding(ln) for ln in lines), ZERO)


def allocate(lines: Sequence[Line], amount: Decimal) -> dict[int, Decimal] | None:
    """How a payment not attributed to a worker falls on the lines: all on the only line still
    owed, or exactly the whole outstanding over every line. Anything else needs the clerk to
    say whose money it is (None): the law counts arrears per worker (crime threshold, blacklist),
    so the app must not guess a split."""
    owed = [ln for ln in lines if line_outstanding(ln) > 0]
    if not owed:
        return {}
    if len(owed) == 1:
        return {owed[0].id: amount}
    if amount == sum((line_outstanding(ln) for ln in owed), ZERO):
        return {ln.id: line_outstanding(ln) for ln in owed}
    return None


#: 最高人民法院法释〔2013〕3号 Art. 3: one worker's wages of three months or more; ten or more workers.
THRESHOLD_MONTHS = 3
THRESHOLD_WORKERS = 10


def crime_threshold_met(lines: Iterable[Line], single: Decimal, collective: Decimal) -> bool:
    """拒不支付劳动报酬罪 amounts (法释〔2013〕3号 Art. 3, figures per 粤高法发〔2015〕4号) on what is
    still owed: one worker owed ``single`` or more for three months' wages or more, or ten or
    more workers owed ``collective`` or more in all. A line whose months are unknown cannot
    show the three months: such a case needs the inspector's own proposal."""
    owed: dict[str | None, list[Decimal | int]] = {}
    for ln in lines:
        left = line_outstanding(ln)
        if left <= 0:
            continue
        acc = owed.setdefault(ln.worker, [ZERO, 0])
        acc[0] = Decimal(acc[0]) + left
        acc[1] = max(int(acc[1]), ln.months or 0)
    if len(owed) >= THRESHOLD_WORKERS and sum((Decimal(a) for a, _m in owed.values()), ZERO) >= collective:
        return True
    return any(Decimal(a) >= single and int(m) >= THRESHOLD_MONTHS for a, m in owed.values())
