# Eckwert — the two commands of the README's quick start are `make demo` and `make test`.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MODEL ?= scenarios/musterstadt

.PHONY: deps test-deps demo test build release bench musterstadt importbeispiel bench-import format format-check clean

# libxlsxwriter is the only system library the build needs; install it when it is missing.
deps:
	@pkg-config --exists xlsxwriter 2>/dev/null || { \
	  echo "libxlsxwriter-dev fehlt – wird installiert …"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libxlsxwriter-dev >/dev/null; }

build: deps
	swift build

release: deps
	swift build -c release --product eckwert

# The main job on the shipped model: check it, compute all scenarios, write the reports.
# Then the budget cycle: what changed since the state of the Eckwertebeschluss (Veränderungsnachweis), the in-year
# Abweichungsbericht as of September, and what one lever would have to be to close each gap against the frame.
ALT_MODEL ?= scenarios/musterstadt-eckwertestand
demo: release
	.build/release/eckwert check $(MODEL)
	.build/release/eckwert run $(MODEL) --draws 2000
	.build/release/eckwert vergleich $(ALT_MODEL) $(MODEL)
	.build/release/eckwert controlling $(MODEL) --monat 9
	.build/release/eckwert noetig $(MODEL)

# The workbook checks need LibreOffice (recalculation) and openpyxl (reading xlsx back), the HTML pack test
# headless Chromium; install them when missing.
test-deps:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "LibreOffice Calc fehlt – wird installiert …"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium fehlt (Bildschirmtest des Ausschusspakets) – wird installiert …"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
	@python3 -c 'import openpyxl' >/dev/null 2>&1 || { \
	  echo "openpyxl fehlt – wird installiert …"; \
	  python3 -m pip install -q openpyxl || python3 -m pip install -q --user --break-system-packages openpyxl; }

test: deps test-deps
	swift test

# Benchmark: a synthetic model of 1,000 products and 60 Sozialräume, generated once into .build/bench-model.
# `goals`: every in-process phase (median of BENCH_REPEAT runs with 10,000 draws; and the draws' arithmetic alone,
# not part of the total) and the whole processes `eckwert forecast --format csv`, `eckwert run`,
# `eckwert run --draws 10000` (median of BENCH_REPEAT each), with CPU time and peak memory, against the performance
# goals. `scaling`: the growth of CPU time with products 100/1,000/5,000, Sozialräume 10/60/200 and draws
# 1,000/10,000/100,000, one at a time from 1,000/60/10,000 (median of SCALING_REPEAT runs; the 100,000-draw run
# once, about 400 MB at its peak), models kept in .build/bench-scaling.
# About 5 CPU-minutes in all: a few minutes on a quiet 2-core machine.
BENCH_MODEL := .build/bench-model
BENCH_REPEAT ?= 5
SCALING_REPEAT ?= 3
bench: deps
	swift build -c release --product eckwert
	swift build -c release --product eckwert-bench
	@[ -f $(BENCH_MODEL)/modell.yaml ] || .build/release/eckwert-bench generate $(BENCH_MODEL) --products 1000 --gebiete 60
	.build/release/eckwert-bench goals $(BENCH_MODEL) --eckwert .build/release/eckwert --repeat $(BENCH_REPEAT)
	.build/release/eckwert-bench scaling .build/bench-scaling --repeat $(SCALING_REPEAT)

# The import example (scenarios/importbeispiel, numbers synthetic): a copy of its starter model in
# .build/importbeispiel receives the finance-system export and the population table, then is checked and computed.
IMPORT_ZIEL := .build/importbeispiel
importbeispiel: release
	rm -rf $(IMPORT_ZIEL) && mkdir -p $(IMPORT_ZIEL) && cp -R scenarios/importbeispiel/. $(IMPORT_ZIEL)/
	.build/release/eckwert import haushalt $(IMPORT_ZIEL)/export/haushalt_2025.csv \
	  --zuordnung $(IMPORT_ZIEL)/export/zuordnung_haushalt.yaml $(IMPORT_ZIEL)/beispielstadt
	.build/release/eckwert import bevoelkerung $(IMPORT_ZIEL)/statistik/bevoelkerung_ortsteile.csv \
	  --zuordnung $(IMPORT_ZIEL)/statistik/zuordnung_bevoelkerung.yaml $(IMPORT_ZIEL)/beispielstadt
	.build/release/eckwert check $(IMPORT_ZIEL)/beispielstadt
	.build/release/eckwert run $(IMPORT_ZIEL)/beispielstadt --draws 500

# Import benchmark: a synthetic export of 100,000 rows (tools/importbeispiel/generate.py --bench) imported into an
# empty model, then imported again (nothing changes); wall time and peak memory from /usr/bin/time.
BENCH_IMPORT := .build/bench-import
bench-import: release
	@[ -f $(BENCH_IMPORT)/export.csv ] || python3 tools/importbeispiel/generate.py --bench 100000 $(BENCH_IMPORT)
	rm -rf $(BENCH_IMPORT)/modell && mkdir -p $(BENCH_IMPORT)/modell
	cp $(BENCH_IMPORT)/modell.yaml $(BENCH_IMPORT)/modell/
	@for lauf in erster zweiter; do \
	  /usr/bin/time -f "$$lauf Import: %e s, höchster Speicherbedarf %M KB" .build/release/eckwert import haushalt \
	    $(BENCH_IMPORT)/export.csv --zuordnung scenarios/importbeispiel/export/zuordnung_haushalt.yaml \
	    $(BENCH_IMPORT)/modell > $(BENCH_IMPORT)/bericht-$$lauf.txt || exit 1; \
	done
	@grep -E '^Export:|^  Summe|geht auf' $(BENCH_IMPORT)/bericht-erster.txt

# Code layout: swift-format (ships with the Swift toolchain) with the settings in .swift-format (4 spaces, lines of
# at most 120 characters, layout only: no rule that rewrites code). `format` rewrites the files in place,
# `format-check` lists every difference and fails on any.
FORMAT_PATHS := Package.swift Sources Tests tools/fuzz
format:
	swift format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	swift format lint --strict --recursive --parallel $(FORMAT_PATHS)

# Regenerate the CSV files of the sample model (fixed seed: same files) and check the folder with the tool itself.
musterstadt: build
	python3 tools/musterstadt/generate.py scenarios/musterstadt
	.build/debug/eckwert check scenarios/musterstadt

clean:
	rm -rf .build
