"""How long a decision can still be taken to court for enforcement (申请法院强制执行).

Two different laws, two different people who must act:

* An arbitral award or a 仲裁调解书 that is not performed: the *party* (usually the worker)
  applies to the court (调解仲裁法 Art. 51) within **two years** (民事诉讼法, 2023 revision,
  Art. 250): counted from the last day of the performance period the document sets, or, when
  it sets none, from the day it takes effect. A party's period: the case file shows it, the
  bureau is never "overdue" on it.
* An inspection handling decision that is not performed: the *bureau* (which has no power of
  its own to enforce) applies to the court within **three months** after the period in which
  the employer may challenge it has ended (行政强制法 Art. 53). That period is the longer of
  60 days for reconsideration (行政复议法, 2023 revision, Art. 20) and six months for a suit
  (行政诉讼法, 2017 revision, Art. 46), both from the employer's (deemed) receipt.

Periods in months and years end on the corresponding day (the first day is not counted,
民事诉讼法 Art. 85 ¶2); a last day on a holiday moves to the next working day (Art. 85 ¶3,
applied to administrative cases by 行政诉讼法 Art. 101). The caller passes that roll.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from casemgr.deadlines.limitation import add_years

#: 民事诉讼法（2023年修正）第250条
CIVIL_APPLICATION_YEARS = 2
#: 行政复议法（2023年修订）第20条
RECONSIDERATION_DAYS = 60
#: 行政诉讼法（2017年修正）第46条
SUIT_MONTHS = 6
#: 行政强制法（2011）第53条
ADMIN_APPLICATION_MONTHS = 3

Roll = Callable[[dt.date], dt.date]


def civil_application_last_day(
    effective_on: dt.date, roll: Roll, *, perform_by: dt.date | None = None
) -> dt.date:
    """The last day a party may apply to the court to enforce an award (Art. 250): two years
    from the last day of the performance period, or from the effective date if none is set."""
    start = perform_by if perform_by is not None and perform_by > effective_on else effective_on
    return roll(add_years(start, CIVIL_APPLICATION_YEARS))


def challenge_period_end(received_on: dt.date, roll: Roll) -> dt.date:
    """The last day the employer may still challenge a decision received on ``received_on``:
    the later of the 60 days to apply for reconsideration and the six months to sue."""
    reconsider = roll(received_on + dt.timedelta(days=RECONSIDERATION_DAYS))
    sue = roll(received_on + relativedelta(months=SUIT_MONTHS))
    return max(reconsider, sue)


def admin_application_window(received_on: dt.date, roll: Roll) -> tuple[dt.date, dt.date]:
    """(first day, last day) the bureau may apply to the court to enforce a decision the
    employer received on ``received_on`` and neither challenged nor performed (Art. 53):
    from the day after the challenge period ends, for three months."""
    end = challenge_period_end(received_on, roll)
    return end + dt.timedelta(days=1), roll(end + relativedelta(months=ADMIN_APPLICATION_MONTHS))
