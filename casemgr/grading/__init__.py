"""守法诚信等级评价 (issue 17): the grading rules, as data and pure functions (no database)."""
