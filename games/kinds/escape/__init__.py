"""The team escape game kind."""
