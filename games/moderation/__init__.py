"""Names typed by students (nicknames, team names) checked before a class sees them.

- `folding`: the characters a reader cannot tell apart are made one (case, accents,
  look-alikes from other scripts, leetspeak): for the word filter and for uniqueness.
- `words`: our French and English lists, and the harmless names that contain a listed root.
- `screening`: where a listed word is searched (whole tokens or anywhere) and how.
"""
