"""Indicators (legal-rules §6.1, docs/indicators.md): SQL aggregates with their definitions.

``indicators`` holds one function per indicator and the shared predicates; ``report``
gathers everything the monthly report shows into plain dataclasses and JSON.
"""

from casemgr.metrics.indicators import (
    Ratio,
    arbitration_closure_rate,
    arrears,
    green_channel_on_time_rate,
    inspection_closure_rate,
    mediation_success_rate,
    overdue_cases,
)
from casemgr.metrics.periods import Period, parse_month

__all__ = [
    "Period",
    "Ratio",
    "arbitration_closure_rate",
    "arrears",
    "green_channel_on_time_rate",
    "inspection_closure_rate",
    "mediation_success_rate",
    "overdue_cases",
    "parse_month",
]
