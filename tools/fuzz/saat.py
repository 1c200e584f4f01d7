#!/usr/bin/env python3
"""Seeds the corpus of an import/numbering fuzz target (tools/fuzz/run.sh) from the shipped import example, the
fixed exports and tables of tools/fuzz/daten and the built-in line schemes. Usage: saat.py <target> <corpus dir>."""
import hashlib
import os
import sys

ziel, aus = sys.argv[1], sys.argv[2]
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
os.makedirs(aus, exist_ok=True)


def lies(pfad, zeilen=None):
    with open(pfad, "rb") as f:
        b = f.read()
    return b"".join(b.splitlines(keepends=True)[:zeilen]) if zeilen else b


def dateien(ordner, endung):
    return [os.path.join(ordner, n) for n in sorted(os.listdir(ordner)) if n.endswith(endung)]


def saat(b):
    with open(os.path.join(aus, "saat-" + hashlib.sha1(b).hexdigest()[:12]), "wb") as f:
        f.write(b)


ib = "scenarios/importbeispiel"
if ziel == "haushalt":
    # First byte = model folder × number of mappings + mapping (as the harness reads it).
    n = len(dateien("tools/fuzz/daten/haushalt", ".yaml"))
    exporte = [lies(p) for p in dateien("tools/fuzz/daten/exporte", ".csv")] + [lies(ib + "/export/haushalt_2025.csv", 60)]
    for stand in range(2):
        for i in range(n):
            for e in exporte:
                saat(bytes([stand * n + i]) + e)
elif ziel == "zuordnung":
    for p in dateien("tools/fuzz/daten/haushalt", ".yaml") + [ib + "/export/zuordnung_haushalt.yaml"]:
        saat(lies(p))
elif ziel == "bevoelkerung":
    tabellen = [lies(ib + "/statistik/bevoelkerung_ortsteile.csv")] + [
        lies(p) for p in dateien("tools/fuzz/daten/tabellen", ".csv")]
    # Mapping i reads table i; the byte after the mappings selects the run without the Sterbetafel.
    n = len(dateien("tools/fuzz/daten/bevoelkerung", ".yaml"))
    for i, t in enumerate(tabellen):
        saat(bytes([i]) + t)
        saat(bytes([n + i]) + t)
    # Splitting alone: 4 bytes per group (width, 24-bit count; bit 6 = ×10^9, bit 7 = open group).
    fuenfer = b"".join(bytes([4, 0, 1, k]) for k in range(19)) + bytes([0x80, 0, 0, 9])
    saat(b"\xf1" + fuenfer)
    saat(b"\xf0" + bytes([0, 0, 0, 5]) * 100 + bytes([0x80, 0, 0, 1]))
    saat(b"\xf1" + bytes([0x40 | 9, 0xFF, 0xFF, 0xFF]) * 9 + bytes([0xC0, 0xFF, 0xFF, 0xFF]))
    saat(b"\xf0" + bytes([2, 0, 0, 0, 9, 0, 0, 3, 0x80 | 0, 0, 0, 0]))
elif ziel == "nummern":
    zeichen = b"0123456789012345678901234567890123456789....-. aB"

    def kodiert(zeilen):
        # Line kind: 0 Produktgruppe, 1 Produktbereich, 2 product (nr|gruppe|bereich); characters by index.
        out = []
        for art, text in zeilen:
            teile = [bytes(zeichen.index(c) for c in t.encode()) for t in text.split("|")]
            out.append(bytes([art]) + b"|".join(teile))
        return b"\n".join(out)

    beispiele = [
        [(1, "36"), (0, "3610"), (2, "361001"), (2, "361002")],
        [(1, "1"), (0, "1.100.05"), (2, "1.100.05.01.01"), (1, "1.100")],
        [(0, "11.05.01"), (1, "11"), (2, "11.05.01.01"), (2, "11.05.010")],
        [(1, "31-35"), (0, "3110"), (2, "311001||31-35"), (2, "351001|3110|31-35")],
        [(1, "36"), (0, "36.3"), (2, "36.3.01"), (2, "36.30.1"), (2, "36"), (2, "36.3")],
        [(0, "36.."), (2, "36...1"), (2, ".5"), (2, "."), (2, "")],
    ]
    for z in beispiele:
        saat(b"\x00" + kodiert(z))
        saat(b"\x01" + kodiert(z))
elif ziel == "kontenrahmen":
    for p in dateien("Sources/EckwertCore/Ressourcen/kontenrahmen", ".yaml"):
        saat(lies(p))
else:
    sys.exit("unbekanntes Ziel " + ziel)
