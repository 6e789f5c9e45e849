"""Ledgers (台账) in and out: import from .xlsx/.csv, export, calendar data.

Bureaus keep years of cases in Excel. The importer reads them as clerks write them
(Chinese headers in any order, dates in any of the usual spellings, GBK or UTF-8 CSV),
checks every row before writing anything and hands back a rejection workbook the clerk
can fix and import again. It writes through the same services as the case form, so an
imported case has the same status, clocks and indicators as one typed in by hand.
"""
