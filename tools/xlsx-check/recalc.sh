#!/usr/bin/env bash
# Recalculate an .xlsx in LibreOffice (headless) and write every sheet as CSV.
#
#   tools/xlsx-check/recalc.sh BOOK.xlsx OUTDIR
#
# Writes OUTDIR/<BOOK>-<Sheet name>.csv for each sheet (comma, double quote, UTF-8, raw values).
# LibreOffice normally shows the cached results of an .xlsx written "by Excel"; a throw-away profile
# whose registrymodifications.xcu sets Calc/Formula/Load/OOXMLRecalcMode = 0 ("always") makes it
# recalculate every formula on load, so the CSVs hold LibreOffice's own results.
# Needs soffice (make test-deps installs libreoffice-calc-nogui).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BOOK.xlsx OUTDIR" >&2
  exit 2
fi
xlsx=$1
outdir=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "error: soffice not found; 'make test-deps' installs LibreOffice (libreoffice-calc-nogui)" >&2
  exit 3
fi
if [ ! -f "$xlsx" ]; then
  echo "error: $xlsx: no such file" >&2
  exit 2
fi
mkdir -p "$outdir"

profile=$(mktemp -d "${TMPDIR:-/tmp}/xlsx-check-profile.XXXXXX")
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user"
cat >"$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# Filter options: field sep 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, no column
# types, language 0, quote-all false, detect-special true, save-as-shown false, formulas false,
# remove-space false, sheet -1 (every sheet to its own file).
soffice "-env:UserInstallation=file://$profile" --headless --norestore --nolockcheck \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$outdir" "$xlsx" >"$profile/soffice.log" 2>&1 || {
  cat "$profile/soffice.log" >&2
  echo "error: soffice failed to convert $xlsx" >&2
  exit 1
}
stem=$(basename "$xlsx")
stem=${stem%.*}
if ! ls "$outdir/$stem"-*.csv >/dev/null 2>&1; then
  cat "$profile/soffice.log" >&2
  echo "error: soffice wrote no CSV for $xlsx" >&2
  exit 1
fi
