#!/usr/bin/env bash
# Fuzzes the formula parser and the CSV reader with libFuzzer (swiftc -sanitize=fuzzer,address), and the YAML
# model loader with the seeded mutation fuzzer of the test suite. Crashes land in tools/fuzz/out/<target>/crashes/;
# once fixed, copy the input into tools/fuzz/korpus/<target>/: every later run starts from those kept inputs (and
# add a test of the fixed case next to the reader's tests).
#
#   tools/fuzz/run.sh formel 300     # 300 s
#   tools/fuzz/run.sh csv 300
#   tools/fuzz/run.sh yaml 200000    # number of mutated models
set -euo pipefail
cd "$(dirname "$0")/../.."
ziel=${1:?formel | csv | yaml}
wert=${2:-60}
out=tools/fuzz/out/$ziel
mkdir -p "$out/corpus" "$out/crashes"
# Kept inputs (earlier crashes and tricky cases) seed every run.
if [ -d "tools/fuzz/korpus/$ziel" ]; then cp tools/fuzz/korpus/"$ziel"/* "$out/corpus/" 2>/dev/null || true; fi
case "$ziel" in
  formel)
    quellen=(Sources/EckwertCore/Model/*.swift Sources/EckwertCore/Formula/*.swift)
    awk '/formel:/ { sub(/^[^:]*formel: */, ""); print }' scenarios/musterstadt/modell.yaml | \
      while IFS= read -r f; do printf '%s' "$f" > "$out/corpus/$(printf '%s' "$f" | sha1sum | cut -c1-12)"; done ;;
  csv)
    quellen=(Sources/EckwertCore/Model/*.swift Sources/EckwertCore/Formula/*.swift Sources/EckwertCore/Loader/CSV.swift
             Sources/EckwertCore/Loader/Zahl.swift Sources/EckwertCore/Loader/Datendateien.swift)
    for f in scenarios/musterstadt/*.csv; do head -c 4000 "$f" > "$out/corpus/$(basename "$f")"; done ;;
  yaml)
    ECKWERT_FUZZ_YAML="$wert" swift test --filter YAMLFuzzTests
    exit 0 ;;
  *) echo "unbekanntes Ziel $ziel (formel | csv | yaml)" >&2; exit 2 ;;
esac
bin=.build/fuzz-$ziel
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name EckwertCore "${quellen[@]}" "tools/fuzz/$ziel.swift" -o "$bin"
# -rss_limit_mb guards against blow-ups; -timeout flags any input that takes over 2 s (a hang).
"$bin" -max_total_time="$wert" -timeout=2 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/crashes/" "$out/corpus"
