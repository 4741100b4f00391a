"""A secret key for the run command that is not the one published in the repository.

`make run` must not sign sessions and CSRF tokens with a key anyone can read on GitHub, yet a
teacher should not have to invent one. The first start writes 50 random characters to an
untracked file, readable by the owner only; later starts read it back, so sessions survive a
restart. Production never comes here: it refuses to start without SECRET_KEY.
"""

import os
import secrets
from pathlib import Path

KEY_LENGTH = 50


def read_or_create_secret_key(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when two processes start at once (migrate, then daphne), one writes and the
        # other reads the key it wrote, instead of each writing its own.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if len(key) < KEY_LENGTH:
            # A concurrent first start may still be writing; an empty file is never a key.
            raise RuntimeError(
                f"Le fichier de clé secrète {path} est vide ou tronqué : supprimez-le, "
                "il sera recréé au prochain démarrage."
            ) from None
        return key
    key = secrets.token_urlsafe(KEY_LENGTH)[:KEY_LENGTH]
    with os.fdopen(descriptor, "w", encoding="ascii") as key_file:
        key_file.write(key + "\n")
    return key
