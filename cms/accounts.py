"""Accounts made when the site starts (administrator, demo teacher): never a default password.

The password comes from an environment variable, or is drawn at random and shown once to
whoever runs the command; an existing account is left as it is.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class NewAccount:
    user: object
    password: str
    env_var: str
    from_env: bool

    def announcement(self, what: str) -> str:
        """What to print: the drawn password, once; never one the operator chose."""
        name = self.user.get_username()
        if self.from_env:
            return f"{what} « {name} » créé ({self.env_var})."
        return (
            f"{what} « {name} » créé. Mot de passe (affiché une seule fois, notez-le) : "
            f"{self.password}"
        )


def create_account_once(
    username: str, *, env_var: str, superuser: bool = False
) -> NewAccount | None:
    """Create the account unless it exists (then None)."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    from_env = bool(os.environ.get(env_var))
    password = os.environ.get(env_var) or secrets.token_urlsafe(12)
    create = User.objects.create_superuser if superuser else User.objects.create_user
    user = create(username=username, email="", password=password)
    return NewAccount(user=user, password=password, env_var=env_var, from_env=from_env)
