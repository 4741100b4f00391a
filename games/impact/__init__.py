"""Impact figures for funders: anonymous aggregates of the live games, kept after the purge.

A session's play data (nicknames, answers) is deleted GAMES_RETENTION_DAYS after it ends; what
the programmes report (pupils, classes, trades discovered) is counted here first, per session
and per session × trade, with no nickname and no player id.
"""
