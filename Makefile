# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
FRONTEND := site/build/.built
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint setup install frontend database clean

# The site's own address, for the links it gives out (feeds, calendars, JSON, canonical links):
# load_demo moves the site to it, so `PORT=8101 make run` links to port 8101.
run database: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

run: setup
	@echo ""
	@echo "  The site:   http://$(HOST):$(PORT)/"
	@echo "  The admin:  http://$(HOST):$(PORT)/admin/  (username admin, password changeme: for this computer only)"
	@echo "  Team logins with the same password: comms, officer, parish"
	@echo ""
	@# The scheduler runs publish_scheduled every minute beside the development server.
	@trap 'kill 0' EXIT INT TERM; \
	$(BIN)/python manage.py scheduler & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install frontend
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install frontend
	$(BIN)/python -m tests.bench

# Style, the one-way structure between apps (pyproject.toml, [tool.importlinter]), and no model
# change without its migration.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run

setup: install frontend database

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11 (or newer)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

frontend: $(FRONTEND)

$(FRONTEND): site/package.json site/package-lock.json site/build.mjs $(shell find site/src -type f)
	@command -v npm >/dev/null || { echo "Node.js and npm are needed to build the front end: https://nodejs.org/"; exit 1; }
	cd site && npm ci --no-audit --no-fund --loglevel=error
	cd site && npm run --silent build
	touch $@

database: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

clean:
	rm -rf $(VENV) site/node_modules site/build static
