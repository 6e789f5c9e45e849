"""PDF output (ReportLab): the monthly report and the notices. Pure functions of plain data."""
