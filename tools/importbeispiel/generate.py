#!/usr/bin/env python3
"""Erzeugt die synthetischen Eingangsdaten des Importbeispiels (scenarios/importbeispiel) und, mit --bench,
einen großen Haushaltsexport für die Laufzeitmessung des Imports.

Alle Zahlen sind erfunden (fester Zufallsstartwert, daher reproduzierbar). Der Export hat die Form, in der
Finanzverfahren (SAP, H&H, Infoma) üblicherweise ausgeben: Windows-1252, Semikolon, Dezimalkomma mit
Tausenderpunkten, Erträge negativ, 8-stellige Sachkonten nach NKF, Produkte 6-stellig ohne Punkte, mehrere
Ämter je Produkt.

  tools/importbeispiel/generate.py                     # schreibt die Beispieldateien neu
  tools/importbeispiel/generate.py --bench 100000 DIR  # Export mit 100.000 Zeilen + Modell in DIR
"""
import os
import random
import sys

HIER = os.path.dirname(os.path.abspath(__file__))
ZIEL = os.path.join(HIER, "..", "..", "scenarios", "importbeispiel")

BEREICHE = {"31": "Soziale Hilfen", "36": "Kinder-, Jugend- und Familienhilfe"}
GRUPPEN = {
    "3111": "Grundversorgung und Hilfen nach dem SGB XII",
    "3112": "Grundsicherung für Arbeitsuchende nach dem SGB II",
    "3610": "Förderung von Kindern in Tageseinrichtungen und in Tagespflege",
    "3620": "Jugendarbeit",
    "3630": "Hilfen für junge Menschen und ihre Familien",
}
# Produkt, Name, Ämter, Größenordnung Transferaufwand (EUR), Erstattungsquote
PRODUKTE = [
    ("311101", "Hilfe zum Lebensunterhalt", ["50", "10"], 9_800_000, 0.05),
    ("311102", "Hilfe zur Pflege", ["50", "10"], 21_500_000, 0.08),
    ("311201", "Leistungen für Unterkunft und Heizung (§ 22 SGB II)", ["50", "10", "20"], 64_000_000, 0.70),
    ("361001", "Förderung von Kindern in Tageseinrichtungen", ["51", "10", "65"], 118_000_000, 0.42),
    ("361002", "Kindertagespflege", ["51", "10"], 14_200_000, 0.35),
    ("362001", "Offene Kinder- und Jugendarbeit", ["51", "10"], 6_900_000, 0.10),
    ("363001", "Hilfen zur Erziehung", ["51", "10"], 52_000_000, 0.04),
    ("363002", "Eingliederungshilfe für seelisch behinderte junge Menschen (§ 35a SGB VIII)", ["51", "10"],
     17_300_000, 0.03),
]
AEMTER = {"10": "Haupt- und Personalamt", "20": "Kämmerei", "50": "Sozialamt", "51": "Jugendamt",
          "65": "Gebäudemanagement"}
# Sachkonto, Bezeichnung, Art (E/A), Anteil an der Größenordnung, nur diese Ämter
KONTEN = [
    ("41410000", "Zuweisungen vom Land", "E", 0.25, {"50", "51"}),
    ("42110000", "Kostenersatz, Erstattungen Dritter", "E", 0.05, {"50", "51"}),
    ("43210000", "Benutzungsgebühren und Elternbeiträge", "E", 0.06, {"51"}),
    ("44810000", "Erstattungen vom Bund", "E", 0.30, {"50"}),
    ("45610000", "Sonstige ordentliche Erträge", "E", 0.004, {"50", "51"}),
    ("50120000", "Dienstaufwendungen Beschäftigte", "A", 0.06, {"10"}),
    ("50220000", "Beiträge zu Versorgungskassen", "A", 0.008, {"10"}),
    ("51110000", "Versorgungsbezüge", "A", 0.004, {"10"}),
    ("52410000", "Bewirtschaftung der Grundstücke und baulichen Anlagen", "A", 0.02, {"65", "51"}),
    ("52910000", "Sonstige Sach- und Dienstleistungen", "A", 0.01, {"50", "51", "20"}),
    ("53310000", "Leistungen an natürliche Personen außerhalb von Einrichtungen", "A", 0.55, {"50", "51"}),
    ("53320000", "Leistungen an natürliche Personen in Einrichtungen", "A", 0.45, {"50", "51"}),
    ("54310000", "Geschäftsaufwendungen", "A", 0.004, {"50", "51", "20"}),
    ("57110000", "Abschreibungen auf Sachanlagen", "A", 0.01, {"65", "20"}),
    ("98100000", "Kalkulatorische Kosten (Kostenrechnung)", "A", 0.003, {"20"}),
]
KOPF = ["Produkt", "Produktbezeichnung", "Produktgruppe", "Bezeichnung Produktgruppe", "Produktbereich",
        "Bezeichnung Produktbereich", "Amt", "Sachkonto", "Kontobezeichnung", "Ergebnis 2025", "Ansatz 2026",
        "Ansatz 2027", "Planung 2028", "Planung 2029", "VE 2026"]


def betrag(cent, r):
    """Betrag deutsch mit Tausenderpunkten, meist mit Cent."""
    vz = "-" if cent < 0 else ""
    cent = abs(cent)
    euro, c = divmod(cent, 100)
    s = f"{euro:,}".replace(",", ".")
    return f"{vz}{s},{c:02d}"


def exportzeilen(r, produkte, jahre_faktor=(1.0, 1.03, 1.055, 1.08, 1.10)):
    for nr, name, aemter, groesse, quote in produkte:
        gr, pb = nr[:4], nr[:2]
        for amt in aemter:
            for konto, kname, art, anteil, nur in KONTEN:
                if amt not in nur:
                    continue
                basis = groesse * anteil * (quote if art == "E" and konto[:2] in ("41", "44", "42") else 1.0)
                if basis < 1000:
                    continue
                basis *= r.uniform(0.85, 1.15)
                if len(aemter) > 2 and amt == "20":
                    basis *= 0.2
                werte = []
                for f in jahre_faktor:
                    cent = int(round(basis * f * r.uniform(0.98, 1.02) * 100))
                    if art == "E":
                        cent = -cent  # SAP: Erträge (Haben) negativ
                    werte.append(betrag(cent, r))
                ve = betrag(int(round(basis * 0.1 * 100)), r) if konto.startswith("52") else ""
                yield [nr, name, gr, GRUPPEN.get(gr, f"Produktgruppe {gr}"), pb, BEREICHE.get(pb, f"Bereich {pb}"),
                       amt, konto, kname] + werte + [ve]


def schreiben_export(pfad, zeilen):
    with open(pfad, "w", encoding="cp1252", newline="") as f:
        f.write(";".join(KOPF) + "\r\n")
        for z in zeilen:
            f.write(";".join(z) + "\r\n")


# Ortsteil, Name, Sozialraum, Einwohner
ORTSTEILE = [
    ("011", "Altstadt", "S1", 6200), ("012", "Bahnhofsviertel", "S1", 4100), ("021", "Nordstadt", "S2", 9800),
    ("022", "Am Mühlbach", "S2", 5300), ("023", "Heidegrund", "S2", 3100), ("031", "Südhöhe", "S3", 11200),
    ("032", "Weißenfeld", "S3", 4700), ("041", "Östliche Vorstadt", "S4", 8300), ("042", "Hagenried", "S4", 2900),
    ("043", "Lindenau-Dorf", "S4", 1400),
]
ALTERSGRUPPEN = [("unter 3", 0, 2), ("3 bis unter 6", 3, 5), ("6 bis unter 10", 6, 9), ("10 bis unter 15", 10, 14),
                 ("15 bis unter 18", 15, 17), ("18 bis unter 21", 18, 20), ("21 bis unter 25", 21, 24),
                 ("25 bis unter 30", 25, 29), ("30 bis unter 35", 30, 34), ("35 bis unter 40", 35, 39),
                 ("40 bis unter 45", 40, 44), ("45 bis unter 50", 45, 49), ("50 bis unter 55", 50, 54),
                 ("55 bis unter 60", 55, 59), ("60 bis unter 65", 60, 64), ("65 bis unter 70", 65, 69),
                 ("70 bis unter 75", 70, 74), ("75 bis unter 80", 75, 79), ("80 bis unter 85", 80, 84),
                 ("85 und älter", 85, 100)]


def dichte(alter, geschlecht):
    """Grobe Altersstruktur einer deutschen Mittelstadt (relativ)."""
    if alter < 20:
        d = 0.95
    elif alter < 35:
        d = 1.25
    elif alter < 60:
        d = 1.3
    elif alter < 80:
        d = 1.05 - (alter - 60) * 0.02
    else:
        d = max(0.02, 0.6 * (0.86 ** (alter - 80)))
    if geschlecht == "weiblich" and alter >= 70:
        d *= 1.25
    return d


def schreiben_bevoelkerung(pfad, r):
    kopf = ["Jahr", "Ortsteil", "Ortsteilname", "Geschlecht"] + [g[0] for g in ALTERSGRUPPEN] + ["Insgesamt"]
    zeilen = []
    for jahr in (2023, 2024, 2025):
        wachstum = 1 + 0.006 * (jahr - 2023)
        gesamt = [0] * len(ALTERSGRUPPEN)
        for nr, name, _, ew in ORTSTEILE:
            for g in ("weiblich", "männlich"):
                werte = []
                norm = sum(dichte(a, g) for a in range(101))
                for (_, von, bis) in ALTERSGRUPPEN:
                    n = ew / 2 * wachstum * sum(dichte(a, g) for a in range(von, bis + 1)) / norm
                    werte.append(int(round(n * r.uniform(0.85, 1.15))))
                for i, w in enumerate(werte):
                    gesamt[i] += w
                zeilen.append([str(jahr), nr, name, g] + [f"{w:,}".replace(",", ".") for w in werte]
                              + [f"{sum(werte):,}".replace(",", ".")])
        zeilen.append([str(jahr), "Stadt insgesamt", "", "zusammen"] + [f"{w:,}".replace(",", ".") for w in gesamt]
                      + [f"{sum(gesamt):,}".replace(",", ".")])
    with open(pfad, "w", encoding="utf-8-sig", newline="") as f:
        f.write(";".join(kopf) + "\r\n")
        for z in zeilen:
            f.write(";".join(z) + "\r\n")


def bench(n, ordner):
    """A synthetic export of n rows (many products, several Ämter) and a starter model to import into."""
    r = random.Random(7)
    os.makedirs(ordner, exist_ok=True)
    zeilen = []
    k = 0
    while len(zeilen) < n:
        pb = 11 + (k // 400) % 60
        nr = f"{pb:02d}{(k // 20) % 20 + 10:02d}{k % 20 + 1:02d}"
        produkt = (nr, f"Produkt {nr}", ["50", "51", "10", "20", "65"], r.randint(100_000, 50_000_000), 0.3)
        zeilen.extend(exportzeilen(r, [produkt]))
        k += 1
    schreiben_export(os.path.join(ordner, "export.csv"), zeilen[:n])
    with open(os.path.join(ordner, "modell.yaml"), "w", encoding="utf-8") as f:
        f.write("kommune: Benchstadt\nbasisjahr: 2025\nkontenrahmen: nkf\nprodukte: []\n")
    print(f"{n} Zeilen, {k} Produkte → {ordner}")


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--bench":
        bench(int(sys.argv[2]), sys.argv[3])
        return
    r = random.Random(2025)
    os.makedirs(os.path.join(ZIEL, "export"), exist_ok=True)
    os.makedirs(os.path.join(ZIEL, "statistik"), exist_ok=True)
    zeilen = list(exportzeilen(r, PRODUKTE))
    # Eine Zeile ohne Produkt (Sammelbuchung), wie sie in echten Exporten vorkommt: wird gemeldet, nicht übernommen.
    zeilen.append(["", "", "", "", "", "", "20", "54310000", "Geschäftsaufwendungen (ohne Produkt)",
                   "12.345,67", "", "", "", "", ""])
    schreiben_export(os.path.join(ZIEL, "export", "haushalt_2025.csv"), zeilen)
    schreiben_bevoelkerung(os.path.join(ZIEL, "statistik", "bevoelkerung_ortsteile.csv"), r)
    print(f"Export: {len(zeilen)} Zeilen; Bevölkerung: {len(ORTSTEILE)} Ortsteile, 3 Jahre")


if __name__ == "__main__":
    main()
