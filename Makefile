# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin
PROFILE = fixtures/profiles/reference.yaml
# The reference implementation's hook token for local runs; a real target's comes from its operator.
export CONFORMANCE_TOKEN ?= espro-reference-token

.PHONY: demo test bench bootstrap chromium tools clean

demo: bootstrap
	$(BIN)/espro run --profile $(PROFILE) --serve-reference --report reports/demo

# The reference's race tests run on SQLite and on PostgreSQL: tools/postgres.sh installs and starts it.
test: bootstrap
	url=$$(sh tools/postgres.sh) && ESPRO_POSTGRES_URL=$$url \
	  $(BIN)/pytest -n 2 --profile $(PROFILE) --serve-reference --report reports/test

# The README's figures (« Mesurer »): the whole suite, then the journey beside a plain Playwright script.
bench: bootstrap
	$(BIN)/python -m benchmarks --profile $(PROFILE)

bootstrap: $(VENV)/.installed chromium tools

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Playwright cannot download its own browser here: use its own where it exists,
# else the system's Chromium, installed from Debian's packages when missing.
chromium: $(VENV)/.installed
	@if [ -n "$$ESPRO_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 \
	    || $(BIN)/python -c "import pathlib, sys; from playwright.sync_api import sync_playwright; p = sync_playwright().start(); sys.exit(0 if pathlib.Path(p.chromium.executable_path).exists() else 1)" 2>/dev/null; then \
	  true; \
	else \
	  echo "Installation de Chromium (apt-get install chromium)..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# Node tools the tests run for real (tools/package.json, pinned by its lock): MailDev, a mail
# server with an HTTP API, cucumber-html-reporter, which reads the suite's cucumber.json, Allure Report 3,
# which reads its allure-results (Node only, no Java); and the
# DSFR, whose stylesheet, fonts and icons the reference implementation serves from its static folder
# (tools/.dsfr.yml accepts its terms for that local use only).
DSFR_COPY = reference_impl/static/dsfr
tools: tools/node_modules/.installed

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	@echo "Installation des outils de test dans tools/ (npm ci)..."
	cd tools && npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(DSFR_COPY) && mkdir -p $(DSFR_COPY)
	cd tools/node_modules/@gouvfr/dsfr/dist && cp -r dsfr.min.css fonts icons favicon $(CURDIR)/$(DSFR_COPY)/
	touch $@

clean:
	rm -rf reports .pytest_cache tools/node_modules
