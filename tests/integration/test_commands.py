"""The setup commands behind `make run`, and the production settings' refusals."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().rsplit(":", 1)[1].strip()
    assert len(password) >= 12
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "existe déjà" in again.getvalue()
    assert password not in again.getvalue()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "un-mot-de-passe-choisi")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "un-mot-de-passe-choisi" not in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("un-mot-de-passe-choisi")


def run_manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    full_env.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="metiers.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY manque" in result.stderr


def test_production_passes_the_deploy_check_without_a_warning():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 10 + "Zq8#vL2@pX9!mN4$wR7^tY1&uB5*eD3(gH6)jK0-sF",
        ALLOWED_HOSTS="metiers.example.org",
        CSRF_TRUSTED_ORIGINS="https://metiers.example.org",
        TRUSTED_PROXIES="127.0.0.1,::1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_when_no_proxy_is_trusted_for_the_https_redirect():
    result = run_manage(
        "check",
        "--deploy",
        SECRET_KEY="k" * 10 + "Zq8#vL2@pX9!mN4$wR7^tY1&uB5*eD3(gH6)jK0-sF",
        ALLOWED_HOSTS="metiers.example.org",
        TRUSTED_PROXIES="",
    )
    assert "cms.W001" in result.stderr + result.stdout
