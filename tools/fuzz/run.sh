#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (AddressSanitizer and leak detection): the formula parser, the CSV reader,
# the importers, their mapping files, the product numbering and the line-scheme reader, all through the one harness
# package tools/fuzz/Package.swift (built with
# `swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address`, which links Yams and its
# C part as the project does; the harness calls the production code in memory, as dry runs: nothing is written).
# The YAML model loader and the importers also have the seeded mutation fuzzers of the test suite.
# Crashes, hangs (> 2 s) and memory blow-ups (> 2 GB) land in tools/fuzz/out/<target>/crashes/; once fixed, copy
# the input into tools/fuzz/korpus/<target>/: every later run starts from those kept inputs (and add a test of the
# fixed case next to the reader's tests). Reproduce one input: run.sh <target> 0 <file>.
#
#   tools/fuzz/run.sh formel 300          # seconds
#   tools/fuzz/run.sh csv 300
#   tools/fuzz/run.sh haushalt 300        # export bytes; the first byte picks a mapping of tools/fuzz/daten/haushalt
#   tools/fuzz/run.sh zuordnung 300       # the mapping file of `import haushalt`, against tools/fuzz/daten/exporte
#   tools/fuzz/run.sh bevoelkerung 300    # statistics table (first byte: mapping of daten/bevoelkerung), or, with
#                                         # a first byte >= 0xF0, age groups and counts for the splitting alone
#   tools/fuzz/run.sh nummern 300         # product numbers and levels: the prefix rule and the model loader
#   tools/fuzz/run.sh kontenrahmen 300    # a line-scheme file, then an import onto it
#   tools/fuzz/run.sh yaml 200000         # number of mutated models (test suite)
#   tools/fuzz/run.sh import 20000        # number of mutated exports, tables and mapping files (test suite)
set -euo pipefail
cd "$(dirname "$0")/../.."
ziel=${1:?formel | csv | haushalt | zuordnung | bevoelkerung | nummern | kontenrahmen | yaml | import}
wert=${2:-60}
out=tools/fuzz/out/$ziel
mkdir -p "$out/corpus" "$out/crashes"
# Kept inputs (earlier crashes and tricky cases) seed every run.
if [ -d "tools/fuzz/korpus/$ziel" ]; then cp tools/fuzz/korpus/"$ziel"/* "$out/corpus/" 2>/dev/null || true; fi
case "$ziel" in
  formel)
    awk '/formel:/ { sub(/^[^:]*formel: */, ""); print }' scenarios/musterstadt/modell.yaml | \
      while IFS= read -r f; do printf '%s' "$f" > "$out/corpus/$(printf '%s' "$f" | sha1sum | cut -c1-12)"; done ;;
  csv)
    for f in scenarios/musterstadt/*.csv; do head -c 4000 "$f" > "$out/corpus/$(basename "$f")"; done ;;
  haushalt | zuordnung | bevoelkerung | nummern | kontenrahmen)
    python3 tools/fuzz/saat.py "$ziel" "$out/corpus" ;;
  yaml)
    ECKWERT_FUZZ_YAML="$wert" swift test --filter YAMLFuzzTests
    exit 0 ;;
  import)
    ECKWERT_FUZZ_IMPORT="$wert" swift test --filter ImportFuzzTests
    exit 0 ;;
  *)
    echo "unbekanntes Ziel $ziel (formel | csv | haushalt | zuordnung | bevoelkerung | nummern | kontenrahmen | yaml |" \
      "import)" >&2
    exit 2 ;;
esac
(cd tools/fuzz && swift build -c release --scratch-path ../../.build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
export LSAN_OPTIONS="suppressions=$PWD/tools/fuzz/lsan.supp:print_suppressions=0"
if [ -n "${3:-}" ]; then ECKWERT_FUZZ_ZIEL="$ziel" .build-fuzz/release/eckwert-fuzz "$3"; exit $?; fi
# -rss_limit_mb guards against blow-ups; -timeout flags any input that takes over 2 s (a hang).
ECKWERT_FUZZ_ZIEL="$ziel" .build-fuzz/release/eckwert-fuzz -max_total_time="$wert" -timeout=2 -rss_limit_mb=2048 \
  -max_len=16384 -print_final_stats=1 -artifact_prefix="$out/crashes/" "$out/corpus"
