# The two commands of the README. Everything else is a step they call.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test install install-test prepare lint serve

## run: install, migrate, load the demo content, make sure an admin exists, serve on :8000
## (cms.settings.local: never in debug, safe on the classroom Wi-Fi)
run: install prepare serve

## dev: the same with Django's debug pages, for a developer's own machine only
dev: export DJANGO_SETTINGS_MODULE = cms.settings.dev
dev: install prepare serve

## test: install the test needs, lint, check and run the whole suite (browser tests included)
test: install-test lint
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

prepare:
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

serve:
	@echo "Métiers en jeu : http://localhost:$(PORT)/ (admin : http://localhost:$(PORT)/admin/)"
	@if [ "$(HOST)" = "0.0.0.0" ] && [ -z "$$ALLOWED_HOSTS" ]; then \
		echo "Pour les téléphones de la classe : ALLOWED_HOSTS=<adresse IP de ce poste>,localhost (voir README)"; fi
	@# No access log: its lines would tie students' IP addresses to game URLs. A long accept
	@# queue (twisted's default is 50): a class connecting at once must not wait for its SYNs
	@# to be resent (docs/performance.md, issue 12).
	$(BIN)/daphne -e tcp:port=$(PORT):interface=$(HOST):backlog=4096 --access-log /dev/null cms.asgi:application
