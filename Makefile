# Every target sets up what it needs on a fresh machine (Python 3.11, 3.12 or 3.13) and is
# quick when that is already done. `make demo` and `make test` are the two commands.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test generate check-generated lint bench typecheck-stage docs clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e ".[aws,aliyun,cli]" --group dev
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/aiosdm demo

test: $(STAMP) check-generated lint
	$(PY) -m pytest -q

generate: $(STAMP)
	$(PY) -m codegen
	$(PY) -m codegen --coverage --markdown --write-readme

check-generated: $(STAMP)
	$(PY) -m codegen --check

# mypy needs to see the package under its import name; a tree of symlinks gives
# it that view of sdk/, interceptors/ and generated/ without copying anything.
typecheck-stage:
	@rm -rf build/typecheck && mkdir -p build/typecheck/aiosdm
	@for f in sdk/*; do ln -s ../../../$$f build/typecheck/aiosdm/; done
	@ln -s ../../../interceptors build/typecheck/aiosdm/interceptors
	@ln -s ../../../generated build/typecheck/aiosdm/_generated

lint: $(STAMP) typecheck-stage
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	cd build/typecheck && ../../$(VENV)/bin/mypy --config-file ../../pyproject.toml -p aiosdm

# The API reference, from the docstrings (pdoc), into build/docs; tests/test_docs.py checks it.
docs: $(STAMP)
	$(PY) -m docs --out build/docs

bench: $(STAMP)
	$(PY) -m bench --write-readme

clean:
	rm -rf build $(VENV) .pytest_cache .mypy_cache .ruff_cache
