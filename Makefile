# The two commands a newcomer needs: `make run` and `make test`.
PY := .venv/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test venv setup seed lint lock bench

# Development and the tests run with DEBUG on; production leaves it unset (off).
run test setup seed lint: export DEBUG ?= 1

run: setup seed
	$(PY) manage.py runserver $(HOST)

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

venv:
	@scripts/bootstrap

setup: venv
	$(PY) manage.py migrate --verbosity 0

seed: setup
	$(PY) manage.py load_seeds

lint: venv
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run

lock:
	$(PY) -m piptools compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# make bench [SCALE=S|M|L] [JSON=path] [REBUILD=1] [EXPLAIN=1] [ONLY=pages,throughput,loader]
# [BENCH_ARGS="--runs 5 --seconds 3 --files 2000"]; .venv/bin/python -m benchmarks --help lists them.
SCALE ?= S
yes = $(filter 1 yes true on,$(1))
bench: venv
	$(PY) -m benchmarks --scale $(SCALE) $(if $(JSON),--json $(JSON)) $(if $(call yes,$(REBUILD)),--rebuild) \
		$(if $(call yes,$(EXPLAIN)),--explain) $(if $(ONLY),--only $(ONLY)) $(BENCH_ARGS)
