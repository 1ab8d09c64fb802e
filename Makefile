# The project's vocabulary: `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Where `make run` serves; every link in the emails it sends (SITE_URL) points there.
RUN_ADDRESS ?= 127.0.0.1:8000
RUN_URL := http://$(RUN_ADDRESS)
# Two workers use both cores of a developer or CI machine: the suite takes about half as long.
TEST_WORKERS ?= 2

.PHONY: help run test screenshots lint format messages bench install install-test clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# uv installs the pinned requirements with pip's semantics in half pip's time, and compiles them to bytecode on all
# cores (these machines set PYTHONDONTWRITEBYTECODE, so nothing would compile them later).
UV_INSTALL := $(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

# Its own target, so that a virtual environment made before uv was the installer gets it too.
$(BIN)/uv: requirements/installer.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/installer.txt
	touch $@

$(VENV)/.installed: requirements/base.txt requirements/constraints.txt | $(BIN)/uv
	$(UV_INSTALL) -r requirements/base.txt -c requirements/constraints.txt
	touch $@

$(VENV)/.installed-test: requirements/test.txt requirements/base.txt requirements/constraints.txt | $(BIN)/uv
	$(UV_INSTALL) -r requirements/test.txt -c requirements/constraints.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed  ## Create the virtual environment and install the site

install-test: $(VENV)/.installed-test  ## Install what the tests need too

run: install  ## Set up the embedded database with demo content and serve on 127.0.0.1:8000 with the email sender
	$(MANAGE) migrate --no-input
	$(MANAGE) compile_translations
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) load_demo_content
	$(MANAGE) create_demo_admin
	@# The email sender runs beside the server (in production: cron or a service), and stops with it.
	SITE_URL=$(RUN_URL) $(MANAGE) send_registration_emails --watch & sender=$$!; trap 'kill $$sender' EXIT INT TERM; \
		SITE_URL=$(RUN_URL) $(MANAGE) runserver $(RUN_ADDRESS)

test: install-test  ## Run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(MANAGE) compile_translations --verbosity 0
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

screenshots: install-test  ## Photograph every page type at a phone's and a laptop's size, in both languages
	$(MANAGE) compile_translations --verbosity 0
	SCREENSHOTS=1 $(BIN)/pytest -p no:xdist tests/test_screenshots_browser.py

lint: install-test  ## Lint and check: ruff, Django's checks, migrations up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=forum_site.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=forum_site.settings.test $(MANAGE) makemigrations --check --dry-run

format: install-test  ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install  ## Update every Arabic catalogue from the sources (needs GNU gettext)
	$(MANAGE) update_catalogues

bench: install-test  ## Run the benchmarks under bench/ (PostgreSQL when DATABASE_URL is set)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:  ## Remove the virtual environment, the embedded database and generated files
	rm -rf $(VENV) db.sqlite3 staticfiles media .test-media
