"""L'unique exception du lecteur ROME."""

from __future__ import annotations

from pathlib import Path


class RomeFormatError(ValueError):
    """Un fichier ROME absent ou invalide.

    ``line`` est la ligne physique où commence l'enregistrement fautif (1 = en-tête),
    ou ``None`` quand l'erreur porte sur le fichier entier (absent, illisible).
    """

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        # Le nom seul suffit à l'utilisateur : le dossier est donné à la commande.
        where = self.path.name or str(self.path)
        if self.line is None:
            return f"{where} : {self.message}"
        return f"{where}, ligne {self.line} : {self.message}"

    def __reduce__(self):  # pragma: no cover - garde l'exception picklable
        return (type(self), (self.path, self.line, self.message))
