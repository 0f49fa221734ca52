# Kindness in Practice: every task has a target; `make help` lists them.
# `make serve` and `make test` set everything up on a fresh machine.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Material prints an end-of-life notice about MkDocs on every run; the README explains our plan.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1
# Builds of one commit are identical: the date they stamp is the commit's, unless
# SOURCE_DATE_EPOCH is set (a scheduled publishing build can set it to the current time).
BUILD_EPOCH := $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null))
BUILD := $(if $(BUILD_EPOCH),SOURCE_DATE_EPOCH=$(BUILD_EPOCH) )$(BIN)/python scripts/build.py


.PHONY: help install serve build pdf offline test new-example new-report new-page check check-content lint format typecheck bench headers schemas reference lock system clean

help: ## List the targets and what they do
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Tools from npm (package-lock.json): the HTML checker the tests run, and Lighthouse for make bench.
NODE_INSTALLED := node_modules/.installed
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

install: $(INSTALLED) ## Create .venv and install the locked dependencies

serve: $(INSTALLED) ## Build and serve the site at http://127.0.0.1:8000, reloading on changes
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(INSTALLED) ## Strict build of the site, chapter PDFs and offline copy into site/ (all or nothing)
	$(BUILD)

pdf: $(INSTALLED) ## Build the site and one PDF per chapter into site/pdf/
	$(BUILD) --no-offline

offline: $(INSTALLED) ## Build the site and the offline copy into site/downloads/ (works opened from disk)
	$(BUILD) --no-pdf

system: $(INSTALLED) ## Make sure Chromium, WordNet, Java and npm are there for the tests and checks (installs them with apt-get if it can)
	@$(BIN)/python scripts/ensure_system.py

test: $(INSTALLED) system ## Install everything the tests need, then run the whole test suite
	$(MAKE) $(NODE_INSTALLED)
	$(BIN)/pytest -n auto  # one worker per core; each builds the site once

lint: $(INSTALLED) ## Lint the Python code with ruff
	$(BIN)/ruff check .

format: $(INSTALLED) ## Format the Python code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(INSTALLED) ## Type-check the Python code with mypy
	$(BIN)/mypy

check-content: $(INSTALLED) system ## Check your pages and records: the content checks and a strict build of the pages, every problem in one run
	$(if $(BUILD_EPOCH),SOURCE_DATE_EPOCH=$(BUILD_EPOCH) )$(BIN)/python scripts/check_content.py

check: $(INSTALLED) ## What CI runs: the content checks first, then lint, format check, type check, the tests
	$(MAKE) check-content
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(MAKE) test

new-example: $(INSTALLED) ## Start a practice example from a template: make new-example id=<id>
	$(BIN)/python scripts/new.py example "$(id)"

new-report: $(INSTALLED) ## Start a report record from a template: make new-report id=<id>
	$(BIN)/python scripts/new.py report "$(id)"

new-page: $(INSTALLED) ## Start a guidance page in a chapter: make new-page path=<chapter>/<slug>
	$(BIN)/python scripts/new.py page "$(path)"

bench: $(INSTALLED) system ## Measure build, page weight, search, Lighthouse and the chapter PDFs at up to 10,000 examples; record them in BENCHMARKS.md
	$(MAKE) $(NODE_INSTALLED)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_skew.py
	$(BIN)/python scripts/bench_pdf.py

headers: build ## Regenerate hosting/_headers (security headers and script hashes) from site/
	$(BIN)/python -m macros.headers site > hosting/_headers

schemas: $(INSTALLED) ## Regenerate the JSON Schemas in schemas/ from the models
	$(BIN)/python -m macros.schemas schemas

reference: $(INSTALLED) ## Regenerate the field reference in CONTRIBUTING.md from the models
	$(BIN)/python -m macros.reference CONTRIBUTING.md

lock: ## Re-resolve requirements.lock from pyproject.toml (needs the package index)
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/python -m pip install --quiet --require-hashes --only-binary=:all: \
	  -r requirements-lock-tool.txt
	.cache/lock-venv/bin/uv pip compile pyproject.toml --extra test --extra dev \
	  --generate-hashes --universal --python-version 3.11.5 --no-header --quiet -o requirements.lock

clean: ## Remove the built site, caches and the virtual environment
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache $(VENV) node_modules
