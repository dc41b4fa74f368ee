# Bootstraps a virtualenv in .venv and runs the project from it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# The main job: record the example predictions, settle them against Yahoo's
# prices (claims stay open, with the reason, when Yahoo cannot be reached),
# and show the scoreboard.
demo: $(STAMP)
	$(BIN)/forecast import predictions.example.yaml
	$(BIN)/forecast resolve || true  # it has said why, in one line per reason; the rest still shows
	$(BIN)/forecast list
	$(BIN)/forecast score --include-early

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# worksteal: a worker that runs out of tests takes some of the other's, so a few
# long tests at the end of one worker's share do not leave the other idle.
# Three workers on a 2-core machine: a third of the suite's time is Textual's
# pilot waiting for its own process to idle (every pause sleeps 20 ms or more)
# and PostgreSQL round trips; a third worker runs while the others wait.
# Measured on tests/tui under load: 294 s with two, 240 s with four.
test: lint
	$(BIN)/pytest -n 3 --dist worksteal

clean:
	rm -rf $(VENV) build *.egg-info
