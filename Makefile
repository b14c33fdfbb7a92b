# Everything runs from the project's own .venv; `make install` builds it on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SHARED ?= ../shared
DB     ?= demo.db

.PHONY: install web-assets demo test lint bench bench-quick bench-instructions bench-scale bench-dask bench-geo bench-dates bench-event-dates bench-events bench-attribution bench-corpus bench-query bench-web fuzz score clean

# After the packages, the gazetteer file (geo/storage.py: countries, admin areas, towns; ~1 min, once per
# version of its code and data, in ~/.cache/newsgraph or $NEWSGRAPH_CACHE); silent when it is there already.
install: $(VENV)/.installed newsgraph/web/static/vendor/LICENSES
	@$(PY) -m newsgraph.geo --quiet

# The web UI's front-end libraries (web/package.json, locked; from the npm registry) copied into the package
# with their licences (newsgraph/web/assets.py); redone when the lock file changes.
newsgraph/web/static/vendor/LICENSES: web/package-lock.json newsgraph/web/assets.py | $(VENV)/.installed
	cd web && npm ci --no-audit --no-fund --loglevel=error
	$(PY) -m newsgraph.web.assets web/node_modules
web-assets: newsgraph/web/static/vendor/LICENSES

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,postgres,dask,export,web,webtest]'
	touch $@

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(VENV)/bin/newsgraph ingest examples --db $(DB)
	$(VENV)/bin/newsgraph summary --db $(DB)

# The test suite (tests/), with the evaluation gate (tests/gate: per-article floors in baseline.json).
test: install
	$(PY) -m pytest

# The code gates CI runs before the tests: lint, types, no function of radon grade E or F.
# All three run (each prints its findings); the target fails when any of them fails.
lint: install
	@status=0; \
	echo 'ruff check newsgraph tests bench'; $(VENV)/bin/ruff check newsgraph tests bench || status=1; \
	echo 'mypy'; $(VENV)/bin/mypy || status=1; \
	echo 'radon cc -n E newsgraph'; out=$$($(VENV)/bin/radon cc -n E newsgraph); \
	if [ -n "$$out" ]; then echo "$$out"; echo 'functions of radon grade E or F (split them)'; status=1; fi; \
	exit $$status

# Shared-scorer figures on the development articles (Alma, six FA-KES) and our own blind-annotated articles.
score: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/score_articles.py --details

# bare spaCy vs newsgraph extract vs ingest (1 and 2 workers) on the same real texts, per-stage CPU, peak RSS
bench: install
	$(PY) bench/speed.py
	$(MAKE) --no-print-directory score

# the same table on 40 FA-KES articles (and the other shared texts), one ABBA pair: a quick check, not the figure
bench-quick: install
	$(PY) bench/speed.py --fakes 40 --rounds 2

# The steady figure: instructions (valgrind callgrind) of bare spaCy, extract and ingest on the same 4 FA-KES
# texts, and their ratios; repeatable under load, slow (about 50x native: tens of minutes)
bench-instructions: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/instructions.py

# Flat memory: the extraction workers' peak RSS ingesting 100 vs 2,000 documents, then the writer's (store and
# corpus resolution) storing 100 vs 20,000 documents made from the FA-KES extractions, and exports and dossiers
# of both stores (long: over an hour of one core; the FA-KES extractions are cached in /tmp, ~4 min the first time)
SCALE_CACHE ?= /tmp/newsgraph-scale-fakes.jsonl
bench-scale: install
	$(PY) bench/scale.py --memory 100,2000
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/scale_store.py --cache $(SCALE_CACHE) --sizes 100,20000

# newsgraph ingest --dask local with 2 workers against 1 on the same 150 FA-KES texts, and the stores compared
bench-dask: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/dask_workers.py --texts 150

bench-geo: install
	$(PY) bench/geo.py

bench-dates: install
	$(PY) bench/dates.py

bench-event-dates: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/event_dates.py

bench-events: install
	$(PY) bench/events.py

bench-attribution: install
	$(PY) bench/attribution.py

# Corpus resolution on the 804 FA-KES articles (extractions cached in /tmp; ~4 min the first time):
# speed with and without resolution, the 200 entities in most documents, the cross-document gold.
bench-corpus: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/corpus.py --score --end-to-end 60

bench-query: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/query.py

# Web UI speed: dossier page and API p50/p95 on the 804 FA-KES articles (store kept in /tmp, reused).
bench-web: install
	NEWSGRAPH_SHARED=$(SHARED) $(PY) bench/web.py --cache /tmp/newsgraph-web-fakes.jsonl

fuzz: install
	NEWSGRAPH_FUZZ_EXAMPLES=2000 $(PY) -m pytest tests/reliability -k fuzz -p no:cacheprovider

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis $(DB) $(DB)-wal $(DB)-shm
