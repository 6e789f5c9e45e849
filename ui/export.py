"""Export of the current list view (the ledger writer comes from ``casemgr.io``)."""

from __future__ import annotations
