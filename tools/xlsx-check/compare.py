#!/usr/bin/env python3
"""Compare the cached value of every formula cell in an .xlsx with LibreOffice's recalculation.

    tools/xlsx-check/compare.py BOOK.xlsx CSVDIR [--tolerance 0.5]

CSVDIR holds the CSVs written by recalc.sh (<BOOK>-<Sheet name>.csv, one per sheet).
One check per formula cell: numbers must agree within the tolerance (default ±0.5), text and
error values exactly. LibreOffice keeps the "%" of percent-formatted cells even in raw CSV output
("26.96%"); those are compared in percentage points (cached value × 100, same tolerance). Prints every mismatch, then a closing line "N passed, M failed".
Exit status 0 when nothing failed, 1 on any mismatch, 2 on usage or input errors.
Needs openpyxl (make test-deps installs it).
"""
import argparse
import csv
import math
import os
import sys

try:
    import openpyxl
except ImportError:
    print("error: openpyxl missing; 'make test-deps' installs it", file=sys.stderr)
    sys.exit(2)


def as_number(value):
    """A float for numeric values (and numeric text from the CSV), else None."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text.upper() == "TRUE":
            return 1.0
        if text.upper() == "FALSE":
            return 0.0
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xlsx")
    parser.add_argument("csvdir")
    parser.add_argument("--tolerance", type=float, default=0.5)
    args = parser.parse_args()

    formulas = openpyxl.load_workbook(args.xlsx, data_only=False)
    cached = openpyxl.load_workbook(args.xlsx, data_only=True)
    stem = os.path.splitext(os.path.basename(args.xlsx))[0]

    passed = failed = 0
    for sheet in formulas.worksheets:
        csv_path = os.path.join(args.csvdir, f"{stem}-{sheet.title}.csv")
        formula_cells = [
            cell for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"  # text that merely starts with "=" is a string cell, not a formula
        ]
        if not formula_cells:
            continue
        if not os.path.exists(csv_path):
            print(f"error: {csv_path}: missing; did recalc.sh run on {args.xlsx}?", file=sys.stderr)
            return 2
        rows = read_csv(csv_path)
        cached_sheet = cached[sheet.title]
        for cell in formula_cells:
            where = f"'{sheet.title}'!{cell.coordinate}"
            formula = cell.value if isinstance(cell.value, str) else str(cell.value)
            engine = cached_sheet[cell.coordinate].value
            r, c = cell.row - 1, cell.column - 1
            office = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            engine_number, office_number = as_number(engine), as_number(office)
            if engine_number is not None and office_number is None and office.strip().endswith("%"):
                office_number = as_number(office.strip()[:-1])
                engine_number = engine_number * 100 if office_number is not None else engine_number
            if engine is None:
                ok, why = False, "no cached value in the file"
            elif engine_number is not None and office_number is not None:
                ok = abs(engine_number - office_number) <= args.tolerance
                why = f"difference {engine_number - office_number:+.6g} exceeds ±{args.tolerance:g}"
            else:
                ok = str(engine) == office
                why = "values differ"
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"MISMATCH {where} {formula}: file has {engine!r}, LibreOffice computes {office!r} ({why})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
