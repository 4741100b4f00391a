"""Site search that understands how young people type: French word families and synonyms.

`text` turns any text into the stems both the index and the query use; `vocabulary` holds the
word families and synonyms we wrote; `query` runs a search and suggests when nothing matches.
"""
