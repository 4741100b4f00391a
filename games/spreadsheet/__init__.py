"""Quizzes imported from a spreadsheet a teacher fills in (CSV or XLSX, Kahoot-style columns)."""
