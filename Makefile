# Eckwert — the two commands of the README's quick start are `make demo` and `make test`.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MODEL ?= scenarios/musterstadt

.PHONY: deps test-deps demo test build release bench format format-check clean

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

# Benchmark: a synthetic model of 1,000 products and 60 Sozialräume, generated
# once into .build/bench-model, then every phase timed in a release build, without draws and with 10,000 draws
# (median of 3 runs each). Goals: < 1 s without draws, < 5 s with 10,000 draws, < 1 GB peak memory.
BENCH_MODEL := .build/bench-model
bench: deps
	swift build -c release --product eckwert-bench
	@[ -f $(BENCH_MODEL)/modell.yaml ] || .build/release/eckwert-bench generate $(BENCH_MODEL) --products 1000 --gebiete 60
	.build/release/eckwert-bench run $(BENCH_MODEL) --repeat 3
	.build/release/eckwert-bench run $(BENCH_MODEL) --repeat 3 --draws 10000

# Code layout: swift-format (ships with the Swift toolchain) with the settings in .swift-format (4 spaces, lines of
# at most 120 characters, layout only: no rule that rewrites code). `format` rewrites the files in place,
# `format-check` lists every difference and fails on any.
FORMAT_PATHS := Package.swift Sources Tests tools/fuzz
format:
	swift format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	swift format lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build
