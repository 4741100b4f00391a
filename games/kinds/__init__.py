"""Game kinds: one package per kind (its rules, blocks, page model, report), listed in registry.py."""
