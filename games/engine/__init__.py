"""Pure rules of the live games (quiz, parcours, escape game); the API is described below."""
