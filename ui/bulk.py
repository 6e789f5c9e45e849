"""Bulk actions on selected cases: one audited service call per case, then a summary."""

from __future__ import annotations
