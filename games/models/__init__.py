from .live import Answer, Attempt, GameSession, Player, Team

__all__ = ["Answer", "Attempt", "GameSession", "Player", "Team"]
