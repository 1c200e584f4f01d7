#!/usr/bin/env python3
"""Plausibility check of the sample model scenarios/musterstadt/ (not part of the tool).

- parses modell.yaml and szenarien.yaml (PyYAML) and rejects keys docs/modellformat.md does not define;
- checks the CSV files (dialect, completeness, sums, ranges);
- checks that every reference (products, Kennzahlen, Maßnahmen, gebiete, lines) resolves;
- recomputes the scenarios with the arithmetic of docs/modellformat.md (sections 4.1, 5, 6, 7) in a small
  independent implementation, and prints the Kita capacity balance per Sozialraum, the target
  attainment per scenario and the main totals, so that the sample's claims can be verified.

Usage: python3 tools/musterstadt/check.py [model folder] [--quiet]
Exit status 1 when a check fails.
"""
import csv
import math
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MODELL = os.path.normpath(os.path.join(HERE, "..", "..", "scenarios", "musterstadt"))
FEHLER = []

ERTRAG = ["steuern", "zuwendungen_umlagen", "sonstige_transferertraege", "oeffentlich_rechtliche_leistungsentgelte",
          "privatrechtliche_leistungsentgelte", "kostenerstattungen", "sonstige_ordentliche_ertraege",
          "aktivierte_eigenleistungen", "bestandsveraenderungen"]
AUFWAND = ["personalaufwendungen", "versorgungsaufwendungen", "aufwendungen_sach_dienstleistungen",
           "bilanzielle_abschreibungen", "transferaufwendungen", "sonstige_ordentliche_aufwendungen"]
ZEILEN = set(ERTRAG + AUFWAND + ["finanzertraege", "zinsen_finanzaufwendungen", "ausserordentliche_ertraege",
                                 "ausserordentliche_aufwendungen", "ertraege_ilv", "aufwendungen_ilv"])


def fehler(msg):
    FEHLER.append(msg)
    print("FEHLER: " + msg)


# ------------------------------------------------------------------ schema (docs/modellformat.md + decided extensions)

S = lambda **kw: ("map", kw)          # noqa: E731  map with known keys
L = lambda item: ("list", item)       # noqa: E731
ANY = ("any",)
DICT_ANY = ("dict", ANY)              # free keys (ids, years, product numbers)

ZEITPFAD = ANY
BEZUG = S(alter=ANY, gruppe=ANY, geschlecht=ANY, gebiet=ANY)
PRODUKT = S(nr=ANY, name=ANY, verantwortlich=ANY, gremium=ANY, zielgruppe=ANY, beschreibung=ANY, art=ANY,
            fallzahl=S(bezug=BEZUG, quote=ANY, quote_je_1000=ANY),
            fallkosten=S(basis=ANY, konto=ANY, personalanteil=ANY),
            erstattung=S(anteil=ANY, konto=ANY),
            kapazitaet=S(plaetze=ANY, kosten_je_platz=ANY, folgekosten_je_platz=ANY),
            wirkungsbeitrag=DICT_ANY)
MODELL_SCHEMA = S(
    kommune=ANY, basisjahr=ANY, haushaltsjahr=ANY, horizont=ANY, kontenrahmen=ANY, rundung=ANY, stand=ANY, stufe=ANY,
    abc=S(a=ANY, b=ANY), budgetvarianten=ANY, daten=DICT_ANY,
    altersgruppen=DICT_ANY,
    strategische_ziele=L(S(id=ANY, name=ANY, gewicht=ANY)),
    produkte=L(PRODUKT),
    produktgruppen=L(S(nr=ANY, name=ANY)), produktbereiche=L(S(nr=ANY, name=ANY)),
    budgetbereiche=L(S(id=ANY, name=ANY, produkte=ANY)),
    kennzahlen=L(S(id=ANY, name=ANY, einheit=ANY, formel=ANY, richtung=ANY, quelle=ANY)),
    ziele=L(S(id=ANY, produkt=ANY, produktgruppe=ANY, budgetbereich=ANY, zielfeld=ANY, text=ANY, kennzahl=ANY,
              zielwert=S(relativ=ANY, absolut=ANY), bis=ANY, verantwortlich=ANY, massnahme=ANY, oberziel=ANY)),
    massnahmen=L(S(id=ANY, name=ANY, produkt=ANY, kosten=S(ab=ANY, jaehrlich=ANY, konto=ANY),
                   wirkung=L(S(produkt=ANY, quote=ANY, ab=ANY, rampe=ANY)))),
    investitionen=L(S(id=ANY, name=ANY, produkt=ANY, gebiet=ANY, auszahlungen=DICT_ANY,
                      foerderung=S(programm=ANY, quote=ANY), nutzungsdauer=ANY, inbetriebnahme=ANY,
                      folgekosten=S(jaehrlich=ANY, konto=ANY), plaetze=ANY)),
    geheimhaltung=S(mindestfallzahl=ANY),
)
SZENARIO = S(beschreibung=ANY,
             bevoelkerung=S(methode=ANY, variante=ANY, geburtenziffer=ANY, sterblichkeit=ANY, wanderungssaldo=ZEITPFAD),
             preise=S(tarif=ZEITPFAD, sachkosten=ZEITPFAD),
             produkte=("dict", S(quote_trend=ANY, erstattung_anteil=ANY, fallkosten_trend=ANY)),
             massnahmen=ANY)
SZENARIEN_SCHEMA = S(szenarien=("dict", SZENARIO))


def pruefe_schema(wert, schema, pfad):
    art = schema[0]
    if art == "any":
        return
    if art == "map":
        if not isinstance(wert, dict):
            fehler(f"{pfad}: Karte erwartet")
            return
        for k, v in wert.items():
            if k not in schema[1]:
                fehler(f"{pfad}: unbekannter Schlüssel '{k}'")
            else:
                pruefe_schema(v, schema[1][k], f"{pfad}.{k}")
    elif art == "list":
        if not isinstance(wert, list):
            fehler(f"{pfad}: Liste erwartet")
            return
        for i, v in enumerate(wert):
            pruefe_schema(v, schema[1], f"{pfad}[{i}]")
    elif art == "dict":
        if not isinstance(wert, dict):
            fehler(f"{pfad}: Karte erwartet")
            return
        for k, v in wert.items():
            pruefe_schema(v, schema[1], f"{pfad}.{k}")


# ------------------------------------------------------------------ CSV

def zahl(s):
    s = s.strip()
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    return float(s)


def lies_csv(pfad):
    with open(pfad, "rb") as f:
        roh = f.read()
    if b"\r" in roh:
        fehler(f"{pfad}: CR gefunden (LF erwartet)")
    text = roh.decode("utf-8")
    zeilen = list(csv.reader(text.splitlines(), delimiter=";"))
    kopf = zeilen[0]
    for i, z in enumerate(zeilen[1:], start=2):
        if len(z) != len(kopf):
            fehler(f"{pfad}:{i}: {len(z)} Spalten statt {len(kopf)}")
        for wert in z:
            if re.fullmatch(r"-?\d+\.\d+", wert):
                fehler(f"{pfad}:{i}: Dezimalpunkt statt Dezimalkomma: {wert}")
    return kopf, [dict(zip(kopf, z)) for z in zeilen[1:]]


# ------------------------------------------------------------------ projection (modellformat.md 4.1, 5, 6, 7)

def pfadwert(p, jahr):
    if not isinstance(p, dict):
        return float(p)
    punkte = sorted((int(k), float(v)) for k, v in p.items())
    if jahr <= punkte[0][0]:
        return punkte[0][1]
    if jahr >= punkte[-1][0]:
        return punkte[-1][1]
    for (j0, w0), (j1, w1) in zip(punkte, punkte[1:]):
        if j0 <= jahr <= j1:
            return w0 + (w1 - w0) * (jahr - j0) / (j1 - j0)


def merge(basis, ueber):
    """Scenario inheritance: maps merge key by key; paths and lists are replaced whole."""
    if not isinstance(basis, dict) or not isinstance(ueber, dict):
        return ueber
    ergebnis = dict(basis)
    for k, v in ueber.items():
        if k in ("wanderungssaldo", "tarif", "sachkosten", "massnahmen"):
            ergebnis[k] = v
        elif k in ergebnis and isinstance(ergebnis[k], dict) and isinstance(v, dict):
            ergebnis[k] = merge(ergebnis[k], v)
        else:
            ergebnis[k] = v
    return ergebnis


def projiziere(pop0, gebiete, jahre, qx, fert, mig, sz):
    bev = sz["bevoelkerung"]
    tfr, m, saldo = float(bev["geburtenziffer"]), float(bev.get("sterblichkeit", 1.0)), bev["wanderungssaldo"]
    sf = sum(fert.values())
    tot = sum(sum(v) for v in pop0.values())
    ant = {g: (sum(pop0[(g, "w")]) + sum(pop0[(g, "m")])) / tot for g in gebiete}
    pops = {jahre[0] - 1: pop0}
    pop = pop0
    for t in jahre:
        M = pfadwert(saldo, t)
        neu = {}
        for g in gebiete:
            B = sum(fert[a] * tfr / sf * pop[(g, "w")][a] for a in range(15, 50))
            for s in ("w", "m"):
                p = pop[(g, s)]
                q = [min(1.0, m * v) for v in qx[s]]
                n = [0.0] * 101
                for a in range(99):
                    n[a + 1] = p[a] * (1 - q[a])
                n[100] = p[99] * (1 - q[99]) + p[100] * (1 - q[100])
                n[0] = B * (0.512 if s == "m" else 0.488) * (1 - q[0] / 2)
                for a in range(101):
                    n[a] += M * mig[(s, a)] * ant[g]
                    if n[a] < 0:
                        print(f"Warnung: {g} {s} {a} {t} negativ")
                        n[a] = 0.0
                neu[(g, s)] = n
        pop = neu
        pops[t] = pop
    return pops


def bevsumme(pop, von=0, bis=100, geschlecht=None, gebiet=None):
    tot = 0.0
    for (g, s), v in pop.items():
        if gebiet and g != gebiet:
            continue
        if geschlecht and s != geschlecht:
            continue
        tot += sum(v[max(0, von):min(100, bis) + 1])
    return tot


def main():
    modell_dir = MODELL
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args:
        modell_dir = args[0]
    leise = "--quiet" in sys.argv

    m = yaml.safe_load(open(os.path.join(modell_dir, "modell.yaml"), encoding="utf-8"))
    sz_roh = yaml.safe_load(open(os.path.join(modell_dir, "szenarien.yaml"), encoding="utf-8"))
    pruefe_schema(m, MODELL_SCHEMA, "modell")
    pruefe_schema(sz_roh, SZENARIEN_SCHEMA, "szenarien")

    B, H, HJ = m["basisjahr"], m["horizont"], m["haushaltsjahr"]
    jahre = list(range(B + 1, H + 1))
    gruppen = {k: tuple(v) for k, v in m["altersgruppen"].items()}
    produkte = {p["nr"]: p for p in m["produkte"]}
    nrs = list(produkte)

    # ---------------- structure checks
    if len(nrs) < 14:
        fehler(f"nur {len(nrs)} Produkte")
    if len(set(nrs)) != len(nrs):
        fehler("doppelte Produktnummern")
    pg = {g["nr"] for g in m["produktgruppen"]}
    pb = {g["nr"] for g in m["produktbereiche"]}
    for nr, p in produkte.items():
        teile = nr.split(".")
        if len(teile) != 3:
            fehler(f"{nr}: Nummer nicht Bereich.Gruppe.Produkt")
        if ".".join(teile[:2]) not in pg:
            fehler(f"{nr}: Produktgruppe fehlt")
        if teile[0] not in pb:
            fehler(f"{nr}: Produktbereich fehlt")
        for k in ("name", "verantwortlich", "gremium", "zielgruppe", "beschreibung", "art", "wirkungsbeitrag"):
            if k not in p:
                fehler(f"{nr}: {k} fehlt")
        if p["art"] not in ("pflicht", "freiwillig"):
            fehler(f"{nr}: art")
        fz = p.get("fallzahl")
        if fz:
            bz = fz["bezug"]
            if "gruppe" in bz and bz["gruppe"] not in gruppen:
                fehler(f"{nr}: Altersgruppe {bz['gruppe']} unbekannt")
            if ("quote" in fz) == ("quote_je_1000" in fz):
                fehler(f"{nr}: genau eines von quote / quote_je_1000")
            if "fallkosten" not in p:
                fehler(f"{nr}: Treiber ohne fallkosten")
        for blk in ("fallkosten", "erstattung"):
            if blk in p and p[blk]["konto"] not in ZEILEN:
                fehler(f"{nr}: {blk}.konto {p[blk]['konto']} unbekannt")
        for sid in p["wirkungsbeitrag"]:
            if sid not in {s["id"] for s in m["strategische_ziele"]}:
                fehler(f"{nr}: strategisches Ziel {sid} unbekannt")
            if p["wirkungsbeitrag"][sid] not in (0, 1, 2, 3):
                fehler(f"{nr}: Wirkungsbeitrag außerhalb 0..3")
    if abs(sum(s["gewicht"] for s in m["strategische_ziele"]) - 1) > 1e-9:
        fehler("Gewichte der strategischen Ziele ergeben nicht 1")
    if len({n.split(".")[0] for n in nrs}) < 2:
        fehler("nur ein Produktbereich")
    for art in ("pflicht", "freiwillig"):
        if not any(p["art"] == art for p in produkte.values()):
            fehler(f"kein Produkt mit art {art}")

    def unter(nr, prefix):
        return nr == prefix or nr.startswith(prefix + ".")

    deckung = {nr: [] for nr in nrs}
    for bb in m["budgetbereiche"]:
        for prefix in bb["produkte"]:
            treffer = [nr for nr in nrs if unter(nr, prefix)]
            if not treffer:
                fehler(f"Budgetbereich {bb['id']}: {prefix} trifft kein Produkt")
            for nr in treffer:
                deckung[nr].append(bb["id"])
    for nr, bbs in deckung.items():
        if len(bbs) != 1:
            fehler(f"{nr}: in {len(bbs)} Budgetbereichen {bbs}")

    # ---------------- data files
    _, bev_rows = lies_csv(os.path.join(modell_dir, "bevoelkerung.csv"))
    gebiete = []
    pop0 = {}
    for r in bev_rows:
        g = r["gebiet"]
        if g not in gebiete:
            gebiete.append(g)
        pop0.setdefault((g, r["geschlecht"]), [None] * 101)[int(r["alter"])] = zahl(r["anzahl"])
    for k, v in pop0.items():
        if any(x is None for x in v):
            fehler(f"bevoelkerung: Lücke in {k}")
    if len(bev_rows) != len(gebiete) * 2 * 101:
        fehler("bevoelkerung: Zeilenzahl")
    total = bevsumme(pop0)
    print(f"Bevölkerung 31.12.{B}: {total:,.0f} in {len(gebiete)} Sozialräumen".replace(",", "."))
    soll = {(0, 2): 16000, (3, 5): 18000, (6, 17): 70000, (18, 64): 400000, (65, 79): 85000, (80, 100): 40000}
    for (lo, hi), s in soll.items():
        ist = bevsumme(pop0, lo, hi)
        flag = "" if abs(ist / s - 1) < 0.06 else "  <-- weicht ab"
        print(f"  {lo:3d}–{hi:3d}: {ist:9,.0f}  (Richtwert ≈ {s:,})".replace(",", ".") + flag)
        if flag:
            fehler(f"Altersgruppe {lo}-{hi} weicht mehr als 6 % ab")
    if not 600000 <= total <= 640000:
        fehler("Gesamtbevölkerung nicht ≈ 620.000")

    _, hist_rows = lies_csv(os.path.join(modell_dir, "bevoelkerung_historie.csv"))
    hist = {}
    for r in hist_rows:
        y = int(r["jahr"])
        hist.setdefault(y, {}).setdefault((r["gebiet"], r["geschlecht"]), [0.0] * 101)[int(r["alter"])] = zahl(r["anzahl"])
    if sorted(hist) != list(range(2019, B)):
        fehler(f"bevoelkerung_historie: Jahre {sorted(hist)}")
    hist[B] = pop0

    _, st_rows = lies_csv(os.path.join(modell_dir, "sterbetafel.csv"))
    qx = {"w": [None] * 101, "m": [None] * 101}
    for r in st_rows:
        q = zahl(r["qx"])
        if not 0 <= q <= 1:
            fehler(f"qx außerhalb [0,1]: {r}")
        qx[r["geschlecht"]][int(r["alter"])] = q
    for s in qx:
        if any(v is None for v in qx[s]):
            fehler(f"sterbetafel: Lücke {s}")
    print(f"  qx m/w: 0: {qx['m'][0]}/{qx['w'][0]}, 10: {qx['m'][10]}/{qx['w'][10]}, 60: {qx['m'][60]}/{qx['w'][60]}, "
          f"80: {qx['m'][80]}/{qx['w'][80]}, 90: {qx['m'][90]}/{qx['w'][90]}, 100: {qx['m'][100]}/{qx['w'][100]}")
    if any(qx["m"][a] < qx["w"][a] for a in range(101)):
        fehler("qx Männer nicht überall höher")

    _, f_rows = lies_csv(os.path.join(modell_dir, "fruchtbarkeit.csv"))
    fert = {int(r["alter"]): zahl(r["rate"]) for r in f_rows}
    if sorted(fert) != list(range(15, 50)):
        fehler("fruchtbarkeit: Alter 15..49")
    print(f"  Fruchtbarkeit: Summe {sum(fert.values()):.4f}, Gipfel bei {max(fert, key=fert.get)}")

    _, w_rows = lies_csv(os.path.join(modell_dir, "wanderung.csv"))
    mig = {(r["geschlecht"], int(r["alter"])): zahl(r["anteil"]) for r in w_rows}
    if len(mig) != 202:
        fehler("wanderung: 202 Zeilen erwartet")
    ms = sum(mig.values())
    print(f"  Wanderungsanteile: Summe {ms:.6f}")
    if abs(ms - 1) > 0.001:
        fehler("Wanderungsanteile ergeben nicht 1")

    # history consistency: re-run the cohort step 2019 -> 2025 with the same tables
    _, ist_rows = lies_csv(os.path.join(modell_dir, "ist.csv"))
    ist = {}
    for r in ist_rows:
        k = (int(r["jahr"]), r["produkt"], r["groesse"])
        if k in ist:
            fehler(f"ist: doppelt {k}")
        ist[k] = zahl(r["wert"])
        if r["produkt"] not in produkte:
            fehler(f"ist: unbekanntes Produkt {r['produkt']}")
        if r["groesse"] != "faelle" and r["groesse"] not in ZEILEN:
            fehler(f"ist: unbekannte Größe {r['groesse']}")
        if ist[k] < 0:
            fehler(f"ist: negativer Wert {k}")
    ist_jahre = sorted({k[0] for k in ist})
    if ist_jahre != list(range(2020, B + 1)):
        fehler(f"ist: Jahre {ist_jahre}")
    for nr, p in produkte.items():
        if "fallzahl" in p:
            for y in ist_jahre:
                if (y, nr, "faelle") not in ist:
                    fehler(f"ist: {y} {nr} faelle fehlt")
                if (y, nr, p["fallkosten"]["konto"]) not in ist:
                    fehler(f"ist: {y} {nr} {p['fallkosten']['konto']} fehlt")
        elif not any(k[1] == nr and k[0] == B for k in ist):
            fehler(f"ist: keine Daten {B} für {nr}")
    _, an_rows = lies_csv(os.path.join(modell_dir, "ansatz.csv"))
    for r in an_rows:
        if r["produkt"] not in produkte or r["groesse"] not in ZEILEN:
            fehler(f"ansatz: {r}")
        if not re.fullmatch(r"\d+", r["wert"]):
            fehler(f"ansatz: kein ganzer Euro-Betrag {r}")

    # ---------------- references
    kz = {k["id"]: k for k in m["kennzahlen"]}
    mn = {x["id"]: x for x in m["massnahmen"]}
    for z in m["ziele"]:
        # a zielwert path {Jahr: Wert}: the last year is the Termin, the value there the target (Zwischenziele before)
        for art in ("relativ", "absolut"):
            if isinstance(z["zielwert"].get(art), dict):
                pfad = z["zielwert"][art]
                z.setdefault("bis", max(pfad))
                z["zielwert"] = {art: pfad[z["bis"]]}
        if "produkt" in z and z["produkt"] not in produkte:
            fehler(f"{z['id']}: Produkt unbekannt")
        if "budgetbereich" in z and z["budgetbereich"] not in {b["id"] for b in m["budgetbereiche"]}:
            fehler(f"{z['id']}: Budgetbereich unbekannt")
        if z.get("oberziel") and z["oberziel"] not in {x["id"] for x in m["ziele"] + m["strategische_ziele"]}:
            fehler(f"{z['id']}: Oberziel unbekannt")
        if z["kennzahl"] not in kz:
            fehler(f"{z['id']}: Kennzahl unbekannt")
        if z.get("massnahme") and z["massnahme"] not in mn:
            fehler(f"{z['id']}: Maßnahme unbekannt")
        if not B + 1 <= z["bis"] <= H:
            fehler(f"{z['id']}: bis außerhalb")
        if z["zielfeld"] not in ("wirkung", "leistung", "prozess", "ressourcen"):
            fehler(f"{z['id']}: zielfeld")
        if len(z["zielwert"]) != 1:
            fehler(f"{z['id']}: zielwert")
    if {z["zielfeld"] for z in m["ziele"]} != {"wirkung", "leistung", "prozess", "ressourcen"}:
        fehler("nicht alle Zielfelder belegt")
    for k in kz.values():
        for arg in re.findall(r'(?:faelle|aufwand|ertrag|zuschuss|fallkosten|zeile|plaetze|luecke)\("([^"]+)"', k["formel"]):
            if not any(unter(nr, arg) for nr in nrs):
                fehler(f"{k['id']}: {arg} trifft kein Produkt")
        for g in re.findall(r'alter="([^"]+)"', k["formel"]):
            if g not in gruppen:
                fehler(f"{k['id']}: Altersgruppe {g} unbekannt")
        if ": " in k["formel"] or "#" in k["formel"]:
            fehler(f"{k['id']}: Formel nicht als YAML-Wert geeignet")
    for x in m["massnahmen"]:
        if x["produkt"] not in produkte:
            fehler(f"{x['id']}: Produkt")
        for w in x["wirkung"]:
            if w["produkt"] not in produkte or "fallzahl" not in produkte[w["produkt"]]:
                fehler(f"{x['id']}: Wirkung auf {w['produkt']} ohne Treiber")
    for inv in m["investitionen"]:
        if inv["produkt"] not in produkte:
            fehler(f"{inv['id']}: Produkt")
        if inv.get("gebiet") and inv["gebiet"] not in gebiete:
            fehler(f"{inv['id']}: gebiet")
        ib = str(inv["inbetriebnahme"])
        if not re.fullmatch(r"\d{4}(-\d{2})?", ib):
            fehler(f"{inv['id']}: inbetriebnahme {ib}")
    for nr, p in produkte.items():
        kap = p.get("kapazitaet")
        if kap and isinstance(kap["plaetze"], dict):
            if set(kap["plaetze"]) != set(gebiete):
                fehler(f"{nr}: Plätze nicht für alle Sozialräume")
    szen = sz_roh["szenarien"]
    for name in ("best", "status-quo", "worst"):
        if name not in szen:
            fehler(f"Szenario {name} fehlt")
    for name, s in szen.items():
        for nr, o in (s.get("produkte") or {}).items():
            if nr not in produkte:
                fehler(f"{name}: Produkt {nr} unbekannt")
            elif "quote_trend" in o and "quote_je_1000" in produkte[nr].get("fallzahl", {}):
                fehler(f"{name}: quote_trend auf Quotenpfad {nr} wirkt nicht")
        for mid in s.get("massnahmen", []):
            if mid not in mn:
                fehler(f"{name}: Maßnahme {mid} unbekannt")

    # ---------------- projection per scenario
    def bezug(p):
        bz = p["fallzahl"]["bezug"]
        lo, hi = gruppen[bz["gruppe"]] if "gruppe" in bz else tuple(bz["alter"])
        return lo, hi, bz.get("geschlecht"), bz.get("gebiet")

    def inbetrieb(inv):
        ib = str(inv["inbetriebnahme"])
        return int(ib[:4]), (int(ib[5:7]) if len(ib) > 4 else 1)

    ergebnisse = {}
    for name in ("best", "status-quo", "worst"):
        sz = merge(szen["status-quo"], szen[name]) if name != "status-quo" else szen["status-quo"]
        pops = projiziere(pop0, gebiete, jahre, qx, fert, mig, sz)
        for y, p in hist.items():
            pops.setdefault(y, p)
        tarif = lambda t: pfadwert(sz["preise"]["tarif"], t)          # noqa: E731
        sach = lambda t: pfadwert(sz["preise"]["sachkosten"], t)      # noqa: E731
        aktive = [mn[i] for i in sz.get("massnahmen", [])]
        werte = {}   # (jahr, nr, groesse) -> value; groesse may be faelle, plaetze, luecke, lines
        for k, v in ist.items():
            werte[k] = v
        for nr, p in produkte.items():
            ann = (sz.get("produkte") or {}).get(nr, {})
            zeilen_b = {k[2]: v for k, v in ist.items() if k[0] == B and k[1] == nr and k[2] != "faelle"}
            fz = p.get("fallzahl")
            if fz:
                lo, hi, ge, gb = bezug(p)
                konto = p["fallkosten"]["konto"]
                pa = p["fallkosten"]["personalanteil"]
                F_B = ist[(B, nr, "faelle")]
                k_t = ist[(B, nr, konto)] / F_B
                rB = F_B / bevsumme(pops[B], lo, hi, ge, gb)
                fkt = ann.get("fallkosten_trend", 0.0)
                er = p.get("erstattung")
                anteil = ann.get("erstattung_anteil", er["anteil"]) if er else 0.0
            andere = dict(zeilen_b)
            for t in jahre:
                for z in list(andere):
                    if fz and z in (konto, er["konto"] if fz and er else None):
                        continue
                    if z in ("personalaufwendungen", "versorgungsaufwendungen"):
                        andere[z] *= 1 + tarif(t)
                    elif z == "aufwendungen_sach_dienstleistungen":
                        andere[z] *= 1 + sach(t)
                zeilen = {z: v for z, v in andere.items() if not (fz and z in (konto, er["konto"] if er else None))}
                if fz:
                    if "quote" in fz:
                        r = rB * (1 + ann.get("quote_trend", 0.0)) ** (t - B)
                    else:
                        r = pfadwert(fz["quote_je_1000"], t) / 1000
                    for x in aktive:
                        for w in x["wirkung"]:
                            if w["produkt"] == nr and t >= w["ab"]:
                                r *= 1 + w["quote"] * min(1, (t - w["ab"] + 1) / max(1, w["rampe"]))
                    k_t *= (1 + pa * tarif(t) + (1 - pa) * sach(t)) * (1 + fkt)
                    F = r * bevsumme(pops[t], lo, hi, ge, gb)
                    werte[(t, nr, "faelle")] = F
                    zeilen[konto] = zeilen.get(konto, 0.0) + F * k_t
                    if er:
                        zeilen[er["konto"]] = zeilen.get(er["konto"], 0.0) + F * k_t * anteil
                    kap = p.get("kapazitaet")
                    if kap:
                        pl = kap["plaetze"]
                        plg = dict(pl) if isinstance(pl, dict) else {None: pl}
                        for inv in m["investitionen"]:
                            j, mo = inbetrieb(inv)
                            if inv["produkt"] == nr and t >= j:
                                plg[inv.get("gebiet")] = plg.get(inv.get("gebiet"), 0) + inv["plaetze"]
                        luecke = 0.0
                        for g, n in plg.items():
                            Fg = r * bevsumme(pops[t], lo, hi, ge, g) if g else F
                            werte[(t, nr, "faelle", g)] = Fg
                            werte[(t, nr, "plaetze", g)] = n
                            luecke += max(0.0, Fg - n)
                        werte[(t, nr, "plaetze")] = sum(plg.values())
                        werte[(t, nr, "luecke")] = luecke
                for x in aktive:
                    if x["produkt"] == nr and t >= x["kosten"]["ab"]:
                        c = x["kosten"]["jaehrlich"]
                        for tt in range(x["kosten"]["ab"] + 1, t + 1):
                            c *= 1 + sach(tt)
                        zeilen[x["kosten"]["konto"]] = zeilen.get(x["kosten"]["konto"], 0.0) + c
                for inv in m["investitionen"]:
                    j, mo = inbetrieb(inv)
                    if inv["produkt"] == nr and t >= j:
                        summe = sum(inv["auszahlungen"].values())
                        foe = summe * inv.get("foerderung", {}).get("quote", 0.0)
                        zeilen["bilanzielle_abschreibungen"] = zeilen.get("bilanzielle_abschreibungen", 0) + summe / inv["nutzungsdauer"]
                        zeilen["zuwendungen_umlagen"] = zeilen.get("zuwendungen_umlagen", 0) + foe / inv["nutzungsdauer"]
                        c = inv["folgekosten"]["jaehrlich"]
                        for tt in range(j + 1, t + 1):
                            c *= 1 + sach(tt)
                        zeilen[inv["folgekosten"]["konto"]] = zeilen.get(inv["folgekosten"]["konto"], 0) + c
                for z, v in zeilen.items():
                    werte[(t, nr, z)] = v
        ergebnisse[name] = (werte, pops)

    # ---------------- Kennzahlen and targets
    def auswerten(formel, werte, pops, t):
        def prods(p):
            return [nr for nr in nrs if unter(nr, p)]

        def faelle(p):
            return sum(werte.get((t, nr, "faelle"), 0.0) for nr in prods(p))

        def zeile(p, z):
            return sum(werte.get((t, nr, z), 0.0) for nr in prods(p))

        def aufwand(p):
            return sum(zeile(p, z) for z in AUFWAND)

        def ertrag(p):
            return sum(zeile(p, z) for z in ERTRAG)

        def zuschuss(p):
            return aufwand(p) - ertrag(p)

        def fallkosten(p):
            ps = [nr for nr in prods(p) if "fallkosten" in produkte[nr]]
            return sum(werte.get((t, nr, produkte[nr]["fallkosten"]["konto"]), 0.0) for nr in ps) / \
                sum(werte.get((t, nr, "faelle"), 0.0) for nr in ps)

        def bev(alter=None, geschlecht=None, gebiet=None):
            lo, hi = (0, 100) if alter is None else (gruppen[alter] if isinstance(alter, str) else alter)
            return bevsumme(pops[t], lo, hi, geschlecht, gebiet)

        def plaetze(p):
            return sum(werte.get((t, nr, "plaetze"), 0.0) for nr in prods(p))

        def luecke(p):
            return sum(werte.get((t, nr, "luecke"), 0.0) for nr in prods(p))

        try:
            return eval(formel, {"__builtins__": {}}, dict(faelle=faelle, zeile=zeile, aufwand=aufwand, ertrag=ertrag,
                                                           zuschuss=zuschuss, fallkosten=fallkosten, bev=bev,
                                                           plaetze=plaetze, luecke=luecke))
        except ZeroDivisionError:
            return float("nan")

    # Ist-Werte der Kapazität für das Basisjahr (Plätze laut Modell, Lücke aus Ist-Fällen)
    for name, (werte, pops) in ergebnisse.items():
        for nr, p in produkte.items():
            kap = p.get("kapazitaet")
            if kap:
                lo, hi, ge, _ = bezug(p)
                werte[(B, nr, "plaetze")] = sum(kap["plaetze"].values())
                r = ist[(B, nr, "faelle")] / bevsumme(pop0, lo, hi, ge)
                werte[(B, nr, "luecke")] = sum(max(0, r * bevsumme(pop0, lo, hi, ge, g) - n) for g, n in kap["plaetze"].items())

    print("\nKennzahlen (Basisjahr → Haushaltsjahr → Horizont, status-quo / best / worst):")
    for k in m["kennzahlen"]:
        w0 = auswerten(k["formel"], *ergebnisse["status-quo"], B)
        teile = [f"{w0:,.2f}"]
        for name in ("status-quo", "best", "worst"):
            teile.append(f"{name}: " + " / ".join(f"{auswerten(k['formel'], *ergebnisse[name], t):,.2f}" for t in (HJ, H)))
        print(f"  {k['id']:9s} {k['name'][:60]:60s} " + " | ".join(teile))

    print("\nZiele (erreicht je Szenario):")
    zaehler = {"alle": 0, "keins": 0, "nur best": 0}
    for z in m["ziele"]:
        k = kz[z["kennzahl"]]
        basis = auswerten(k["formel"], *ergebnisse["status-quo"], B)
        ziel = basis * (1 + z["zielwert"]["relativ"]) if "relativ" in z["zielwert"] else z["zielwert"]["absolut"]
        erreicht = {}
        for name in ("best", "status-quo", "worst"):
            v = auswerten(k["formel"], *ergebnisse[name], z["bis"])
            erreicht[name] = (v <= ziel) if k["richtung"] == "sinkend" else (v >= ziel)
            erreicht[name + "_wert"] = v
        txt = ", ".join(f"{n}: {erreicht[n + '_wert']:,.2f} {'ja' if erreicht[n] else 'nein'}" for n in ("best", "status-quo", "worst"))
        print(f"  {z['id']:9s} {z['zielfeld']:10s} Basis {basis:,.2f} Ziel {ziel:,.2f} bis {z['bis']}: {txt}")
        n_ok = sum(erreicht[n] for n in ("best", "status-quo", "worst"))
        if n_ok == 0:
            zaehler["keins"] += 1
        if n_ok == 3:
            zaehler["alle"] += 1
        if erreicht["best"] and not erreicht["status-quo"]:
            zaehler["nur best"] += 1
    print(f"  → {zaehler}")
    if zaehler["keins"] < 1:
        fehler("kein unrealistisches Ziel")

    # Kita balance
    print("\nKita: Bedarf gegen Plätze je Sozialraum (Lücke > 0 markiert)")
    gap = {}
    for nr, p in produkte.items():
        if not p.get("kapazitaet"):
            continue
        for name in ("status-quo", "worst", "best"):
            werte, _ = ergebnisse[name]
            gap[(nr, name)] = 0.0
            if not leise or name != "best":
                print(f"  {nr} {name}:")
            for g in gebiete:
                zeile = []
                for t in jahre:
                    F, P = werte[(t, nr, "faelle", g)], werte[(t, nr, "plaetze", g)]
                    d = F - P
                    gap[(nr, name)] = max(gap[(nr, name)], d)
                    zeile.append(f"{F:7.0f}/{P:5.0f}{'*' if d > 0 else ' '}")
                if not leise or name != "best":
                    print(f"    {g}: " + " ".join(zeile))
            tot = " ".join(f"{sum(werte[(t, nr, 'faelle', g)] for g in gebiete):7.0f}/{werte[(t, nr, 'plaetze')]:5.0f} L{werte[(t, nr, 'luecke')]:4.0f}" for t in jahre)
            if not leise or name != "best":
                print(f"    Summe: {tot}")
    sq_gap = max(gap[(nr, "status-quo")] for nr, _ in gap)
    w_gap = max(gap[(nr, "worst")] for nr, _ in gap)
    print(f"  größte Einzellücke status-quo: {sq_gap:.0f}, worst: {w_gap:.0f}")
    if w_gap <= 0:
        fehler("worst ohne Kita-Lücke")
    if sq_gap > 0:
        fehler("status-quo mit Kita-Lücke")

    # totals
    print("\nProdukte: Ist 2025 Aufwand / Ertrag / Fälle; Zuschussbedarf HJ und Horizont (status-quo, best, worst):")
    gesamt = {n: {t: 0.0 for t in [B] + jahre} for n in ergebnisse}
    for nr, p in produkte.items():
        a = sum(ist.get((B, nr, z), 0) for z in AUFWAND)
        e = sum(ist.get((B, nr, z), 0) for z in ERTRAG)
        f = ist.get((B, nr, "faelle"))
        zs = []
        for name, (werte, pops) in ergebnisse.items():
            for t in [B] + jahre:
                gesamt[name][t] += sum(werte.get((t, nr, z), 0) for z in AUFWAND) - sum(werte.get((t, nr, z), 0) for z in ERTRAG)
        for name in ("status-quo", "best", "worst"):
            werte = ergebnisse[name][0]
            zs.append("/".join(f"{(sum(werte.get((t, nr, z), 0) for z in AUFWAND) - sum(werte.get((t, nr, z), 0) for z in ERTRAG)) / 1e6:6.1f}" for t in (HJ, H)))
        print(f"  {nr:8s} {p['art'][:4]} A {a / 1e6:7.1f} E {e / 1e6:7.1f} F {f if f is None else int(f)!s:>6s}  Z {(a - e) / 1e6:6.1f} → " + " | ".join(zs))
    for name in ("status-quo", "best", "worst"):
        print(f"  Zuschussbedarf gesamt {name}: " + " ".join(f"{t}: {v / 1e6:7.1f}" for t, v in gesamt[name].items()))

    # measures payback (status-quo structure: with vs without, in best where both are active)
    print("\nMaßnahmen: Kosten und Minderaufwand (im Szenario best, ohne Rückkopplung)")
    werte_best = ergebnisse["best"][0]
    for x in m["massnahmen"]:
        kum = 0.0
        zeile = []
        pay = None
        for t in jahre:
            c = 0.0
            if t >= x["kosten"]["ab"]:
                c = x["kosten"]["jaehrlich"]
                for tt in range(x["kosten"]["ab"] + 1, t + 1):
                    c *= 1 + pfadwert(merge(szen["status-quo"], szen["best"])["preise"]["sachkosten"], tt)
            minder = 0.0
            for w in x["wirkung"]:
                if t >= w["ab"]:
                    f = 1 + w["quote"] * min(1, (t - w["ab"] + 1) / max(1, w["rampe"]))
                    p = produkte[w["produkt"]]
                    konto = p["fallkosten"]["konto"]
                    a = werte_best[(t, w["produkt"], konto)]
                    anteil = p.get("erstattung", {}).get("anteil", 0.0)
                    # net driver cost with the other measures and without this one: a / f
                    minder += (a / f - a) * (1 - anteil)
            kum += minder - c
            if pay is None and kum > 0:
                pay = t
            zeile.append(f"{t}: K {c / 1e3:5.0f} M {minder / 1e3:6.0f} kum {kum / 1e3:6.0f}")
        print(f"  {x['id']}: " + "; ".join(zeile) + f"; Amortisation {pay or 'nicht im Planungszeitraum'}")

    print("\n" + ("OK – keine Fehler" if not FEHLER else f"{len(FEHLER)} Fehler"))
    sys.exit(1 if FEHLER else 0)


if __name__ == "__main__":
    main()
