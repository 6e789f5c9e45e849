"""The words and numbers the monthly report prints, shared by its PDF and its workbook."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from casemgr import clock, labels
from casemgr.metrics import report as mr
from casemgr.metrics.indicators import Ratio


def t(key: str, lang: str, **kw: Any) -> str:
    s = labels.text(labels.REPORT, key, lang)
    return s.format(**kw) if kw else s


def pct(r: Decimal | None) -> str:
    """0.7969 -> "79.69%"; the 4-decimal rate is exactly a 2-decimal percentage."""
    return "—" if r is None else f"{r * 100:.2f}%"


def money(v: Decimal) -> str:
    return f"{v:,.2f}"


def met(r: Ratio, lang: str) -> str:
    m = r.met
    return t("na", lang) if m is None else t("yes" if m else "no", lang)


def district(d: str | None, lang: str) -> str:
    return t("no_district", lang) if d is None else labels.text(labels.DISTRICTS, d, lang)


def local(t: dt.datetime) -> str:
    return clock.local(t).strftime("%Y-%m-%d %H:%M")


def parties(r: mr.ListedCase, lang: str) -> str:
    parts = []
    for p in r.persons:
        if p.name is None:
            parts.append(t("reporter_confidential", lang))
        else:
            parts.append(f"{p.name} {p.masked_id}".strip())
    s = "；".join(parts) if lang.startswith("zh") else "; ".join(parts)
    more = r.persons_total - len(r.persons)
    if more > 0:
        s += " " + t("more_persons", lang, n=r.persons_total if lang.startswith("zh") else more)
    return s


def anchor_line(data: mr.ReportData, lang: str) -> str:
    a = data.audit_anchor
    return t("audit_anchor", lang, anchor=a.text(), seq=a.seq) if a is not None else ""
