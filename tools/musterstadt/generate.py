#!/usr/bin/env python3
"""Deterministic generator for the data files of the sample model scenarios/musterstadt/.

Writes (German CSV dialect: ';' separator, decimal comma, UTF-8, LF):
  sterbetafel.csv, fruchtbarkeit.csv, wanderung.csv,
  bevoelkerung_historie.csv (31.12.2019 .. 31.12.2024), bevoelkerung.csv (31.12.2025),
  ist.csv (2020 .. 2025), ansatz.csv (Doppelhaushalt 2026/2027, with a jahr column),
  planung.csv (the Kämmerei's mittelfristige Ergebnisplanung 2026 .. 2029), sondereffekte.csv (a one-off refund
  contained in the Ist 2025),
  gebiete.csv, faelle_gebiete.csv, indikatoren.csv, sozialraeume.geojson (the 12 Sozialräume).

All figures are fictional, sized on the published magnitudes of a city of about 620,000
inhabitants (Leipzig). Python 3 standard library only, fixed seed: re-running reproduces
identical files.

Population: a target age structure for 31.12.2025 per Sozialraum is set up; a population at
31.12.2019 is fitted to it so that running the cohort-component step of docs/modellformat.md (4.1)
forward with the model's own tables and the historical net migration reproduces the target.
The final run rounds to whole persons after every year; its results are the files.

Usage: python3 tools/musterstadt/generate.py [model folder, default scenarios/musterstadt]
Then check the folder with the tool itself: `eckwert check scenarios/musterstadt` (`make musterstadt` does both).
"""
import math
import os
import random
import sys

SEED = 20251231
ALTER = range(0, 101)
SEXES = ("w", "m")
BASISJAHR = 2025
HIST_START = 2019

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "scenarios", "musterstadt"))


def interp(knots, x):
    """Piecewise linear interpolation over sorted (x, y) knots, constant outside."""
    if x <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return knots[-1][1]


def loginterp(knots, x):
    return math.exp(interp([(a, math.log(v)) for a, v in knots], x))


def de(x, nachkomma=2):
    """German decimal comma, no thousands separator."""
    s = f"{x:.{nachkomma}f}"
    if s.startswith("-") and float(s) == 0:
        s = s[1:]
    return s.replace(".", ",")


def rund(x):
    """Round half away from zero."""
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


# ---------------------------------------------------------------- life table, fertility, migration

QX_KNOTS = {
    "m": [(0, 0.0034), (1, 0.00028), (5, 0.00010), (10, 0.00008), (15, 0.00014), (20, 0.00040),
          (25, 0.00050), (30, 0.00065), (40, 0.00140), (50, 0.00380), (60, 0.01050), (70, 0.02350),
          (80, 0.06600), (90, 0.21000), (95, 0.32000), (100, 0.47000)],
    "w": [(0, 0.0029), (1, 0.00024), (5, 0.00008), (10, 0.00007), (15, 0.00010), (20, 0.00017),
          (25, 0.00022), (30, 0.00030), (40, 0.00070), (50, 0.00210), (60, 0.00560), (70, 0.01300),
          (80, 0.04600), (90, 0.17500), (95, 0.29000), (100, 0.44000)],
}


def sterbetafel():
    return {s: [round(loginterp(QX_KNOTS[s], a), 6) for a in ALTER] for s in SEXES}


TFR_TABELLE = 1.35


def fruchtbarkeit():
    raw = {}
    for a in range(15, 50):
        sd = 5.6 if a < 31 else 5.4
        raw[a] = math.exp(-0.5 * ((a - 31) / sd) ** 2)
    total = sum(raw.values())
    rates = {a: round(v * TFR_TABELLE / total, 6) for a, v in raw.items()}
    # put the rounding remainder on the peak so that the sum is exactly 1.35
    rates[31] = round(rates[31] + TFR_TABELLE - sum(rates.values()), 6)
    return rates


def wanderung():
    """Shares of the yearly net migration: inflow of young adults (education, first jobs),
    small net outflow of families (children under 6 and parents aged 31-40) to the suburbs."""
    young = {18: 0.012, 19: 0.030, 20: 0.038, 21: 0.040, 22: 0.038, 23: 0.034, 24: 0.030,
             25: 0.026, 26: 0.020, 27: 0.015, 28: 0.010, 29: 0.006, 30: 0.002}
    raw = {}
    for s in SEXES:
        for a in ALTER:
            if a <= 5:
                v = -0.0020
            elif a <= 14:
                v = 0.0005
            elif a <= 17:
                v = 0.0020
            elif a <= 30:
                # more young women at 18-24 (studies), more men at 25-30 (jobs)
                frueh = a <= 24
                v = young[a] * ((1.06 if frueh else 0.94) if s == "w" else (0.94 if frueh else 1.06))
            elif a <= 40:
                v = -0.0030
            elif a <= 64:
                v = 0.0008
            elif a <= 79:
                v = 0.0003
            else:
                v = 0.0002
            raw[(s, a)] = v
    total = sum(raw.values())
    shares = {k: round(v / total, 6) for k, v in raw.items()}
    rest = round(1.0 - sum(shares.values()), 6)
    shares[("w", 21)] = round(shares[("w", 21)] + rest, 6)
    return shares


# ---------------------------------------------------------------- Sozialräume and target structure 2025

# id, name (only for the comments), share of population, age modifiers at the knot ages
MOD_AGES = [0, 8, 17, 22, 30, 45, 60, 72, 85, 100]
GEBIETE = [
    ("S01", "Zentrum",                         0.060, [0.60, 0.55, 0.60, 1.60, 1.75, 0.95, 0.75, 0.60, 0.60, 0.60]),
    ("S02", "Südvorstadt (jung, studentisch)", 0.100, [0.95, 0.85, 0.80, 1.55, 1.45, 0.95, 0.80, 0.60, 0.55, 0.55]),
    ("S03", "Ostvorstadt (Gründerzeit, Zuzug)", 0.100, [1.20, 1.10, 1.00, 1.30, 1.30, 0.95, 0.80, 0.70, 0.60, 0.60]),
    ("S04", "Nordost (Neubauquartiere)",       0.080, [1.40, 1.35, 1.15, 1.05, 1.35, 1.25, 0.85, 0.65, 0.55, 0.55]),
    ("S05", "Nord",                            0.090, [1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00]),
    ("S06", "Nordwest (Einfamilienhäuser)",    0.070, [1.25, 1.40, 1.35, 0.60, 0.65, 1.30, 1.20, 1.00, 0.80, 0.80]),
    ("S07", "West (Großsiedlung Plattenbau)",  0.090, [0.95, 0.90, 0.95, 0.75, 0.75, 0.85, 1.15, 1.55, 1.60, 1.60]),
    ("S08", "Altwest (Gründerzeit)",           0.090, [1.10, 1.00, 0.95, 1.30, 1.35, 0.95, 0.85, 0.65, 0.60, 0.60]),
    ("S09", "Südwest (Familien, Stadtrand)",   0.080, [1.35, 1.40, 1.30, 0.65, 0.70, 1.25, 1.15, 1.05, 0.90, 0.90]),
    ("S10", "Südost (Villen, Seniorenheime)",  0.070, [0.75, 0.80, 0.85, 0.70, 0.65, 0.90, 1.10, 1.45, 1.80, 1.80]),
    ("S11", "Ost (Plattenbau)",                0.080, [0.95, 0.90, 0.95, 0.80, 0.80, 0.95, 1.15, 1.35, 1.30, 1.30]),
    ("S12", "Gohlis-Mitte (gemischt)",         0.090, [1.15, 1.10, 1.05, 1.10, 1.15, 1.05, 0.95, 0.90, 1.00, 1.00]),
]

# city-wide persons per single year of age at 31.12.2025, ages 6..100 (100 = 100+), before band scaling
T_KNOTS = [(6, 6300), (17, 5350), (18, 5600), (19, 7000), (20, 8400), (22, 9300), (25, 9900), (28, 10200),
           (31, 10000), (34, 9700), (37, 9400), (40, 9000), (45, 8300), (50, 7500), (55, 8100), (60, 8800),
           (64, 8100), (65, 7600), (68, 6400), (72, 5000), (76, 5300), (79, 5500), (80, 4600), (82, 4200),
           (85, 3500), (88, 2500), (90, 1800), (93, 900), (95, 480), (98, 160), (99, 110), (100, 90)]
BAND_TARGETS = [((6, 17), 70000), ((18, 64), 393000), ((65, 79), 85000), ((80, 100), 40000)]
# births in 2020..2025 are fitted so that the ages 0..5 at 31.12.2025 are about these (city-wide)
T_KLEIN = {0: 5560, 1: 5640, 2: 5720, 3: 5900, 4: 6050, 5: 6120}
# male share by age
MALE_KNOTS = [(0, 0.513), (17, 0.513), (18, 0.505), (24, 0.51), (30, 0.53), (44, 0.53), (54, 0.515), (58, 0.49),
              (64, 0.49), (67, 0.47), (72, 0.45), (77, 0.43), (82, 0.40), (87, 0.34), (92, 0.27), (97, 0.20),
              (100, 0.20)]

# net migration of the past (persons per year; 2022: refugees from Ukraine)
WANDERUNG_HIST = {2020: 3000, 2021: 3300, 2022: 11500, 2023: 5600, 2024: 3900, 2025: 3400}


def ziel_2025():
    """Target population 31.12.2025 per (gebiet, sex, age) for ages 6..100."""
    city = {a: interp(T_KNOTS, a) for a in range(6, 101)}
    for (lo, hi), tot in BAND_TARGETS:
        s = sum(city[a] for a in range(lo, hi + 1))
        for a in range(lo, hi + 1):
            city[a] *= tot / s
    ziel = {}
    for a in range(6, 101):
        w = [share * interp(list(zip(MOD_AGES, mods)), a) for _, _, share, mods in GEBIETE]
        sw = sum(w)
        male = interp(MALE_KNOTS, a)
        for (gid, _, _, _), wi in zip(GEBIETE, w):
            tot = city[a] * wi / sw
            ziel[(gid, "m", a)] = tot * male
            ziel[(gid, "w", a)] = tot * (1 - male)
    return ziel


# ---------------------------------------------------------------- cohort-component step (modellformat.md 4.1)

def schritt(pop, gebiete, qx, fert, tfr, mig_shares, saldo, gebiet_anteil, m=1.0):
    """One year, 31.12.t -> 31.12.t+1, exactly as in docs/modellformat.md. pop[(g, s)] = list of 101 values."""
    sf = sum(fert.values())
    neu = {}
    for g in gebiete:
        pw = pop[(g, "w")]
        geburten = sum(fert[a] * tfr / sf * pw[a] for a in range(15, 50))
        for s in SEXES:
            p = pop[(g, s)]
            q = [min(1.0, m * v) for v in qx[s]]
            n = [0.0] * 101
            for a in range(0, 99):
                n[a + 1] = p[a] * (1 - q[a])
            n[100] = p[99] * (1 - q[99]) + p[100] * (1 - q[100])
            b = geburten * (0.512 if s == "m" else 0.488)
            n[0] = b * (1 - q[0] / 2)
            for a in ALTER:
                n[a] += saldo * mig_shares[(s, a)] * gebiet_anteil[g]
                if n[a] < 0:
                    print(f"Warnung: {g} {s} {a} negativ, auf 0 gesetzt", file=sys.stderr)
                    n[a] = 0.0
            neu[(g, s)] = n
    return neu


def gesamt(pop):
    return sum(sum(v) for v in pop.values())


def anteile(pop, gebiete):
    tot = gesamt(pop)
    return {g: (sum(pop[(g, "w")]) + sum(pop[(g, "m")])) / tot for g in gebiete}


def historie():
    """Fit 31.12.2019 and the TFR of 2020..2025, then run forward with rounding to whole persons."""
    gebiete = [g[0] for g in GEBIETE]
    qx = sterbetafel()
    fert = fruchtbarkeit()
    mig = wanderung()
    ziel = ziel_2025()
    # initial guess for 2019: the 2025 cohort six years younger
    p19 = {}
    for g in gebiete:
        for s in SEXES:
            v = [0.0] * 101
            for a in range(0, 95):
                v[a] = ziel[(g, s, a + 6)]
            for a in range(95, 101):
                v[a] = ziel[(g, s, 100)] * 0.6 ** (a - 94)
            p19[(g, s)] = v
    tfr = {y: 1.40 for y in range(2020, 2026)}

    def lauf(start, rundung):
        pops = {HIST_START: start}
        pop = start
        ant = anteile(start, gebiete)
        for y in range(HIST_START + 1, BASISJAHR + 1):
            pop = schritt(pop, gebiete, qx, fert, tfr[y], mig, WANDERUNG_HIST[y], ant)
            if rundung:
                pop = {k: [float(rund(x)) for x in v] for k, v in pop.items()}
            pops[y] = pop
        return pops

    for _ in range(12):
        end = lauf(p19, False)[BASISJAHR]
        for g in gebiete:
            for s in SEXES:
                for a in range(6, 100):
                    p19[(g, s)][a - 6] *= ziel[(g, s, a)] / end[(g, s)][a]
                f = ziel[(g, s, 100)] / end[(g, s)][100]
                for a in range(94, 101):
                    p19[(g, s)][a] *= f
        for y in range(2020, 2026):
            a = BASISJAHR - y
            ist = sum(end[(g, s)][a] for g in gebiete for s in SEXES)
            tfr[y] *= T_KLEIN[a] / ist
    p19 = {k: [float(rund(x)) for x in v] for k, v in p19.items()}
    pops = lauf(p19, True)
    return gebiete, pops, tfr, qx, fert, mig


# ---------------------------------------------------------------- Ist data

JAHRE_IST = list(range(2020, 2026))

# Products with a caseload driver. Values are those of 2025 (Basisjahr); earlier years are derived
# backwards with the given yearly growth and a little noise.
#   bezug: (von, bis); faelle: 2025 cases or a path over 2020..2025; quote_hist: path of the rate per
#   1.000 (Kita, policy paths); rate_trend: yearly change of the rate in the past;
#   k: cost per case 2025 on konto; k_wachstum: yearly growth of the cost per case in the past;
#   erst: (konto, share 2025, shares of earlier years or None); zeilen: other lines {key: (2025, growth)}
PRODUKTE = [
    dict(nr="31.1.01", bezug=(18, 64), faelle=1380, rate_trend=-0.02, k=7250.0, k_wachstum=0.030,
         konto="transferaufwendungen",
         zeilen={"personalaufwendungen": (1650000, 0.03), "aufwendungen_sach_dienstleistungen": (210000, 0.025),
                 "sonstige_transferertraege": (520000, 0.01)}),
    dict(nr="31.1.02", bezug=(80, 100), faelle=2280, rate_trend=0.012, k=12300.0, k_wachstum=0.04,
         konto="transferaufwendungen", erst=("sonstige_transferertraege", 0.08),
         zeilen={"personalaufwendungen": (2350000, 0.03), "aufwendungen_sach_dienstleistungen": (180000, 0.025)}),
    dict(nr="31.1.07", bezug=(18, 100), faelle=10950, rate_trend=0.02, k=5845.0, k_wachstum=0.032,
         konto="transferaufwendungen", erst=("kostenerstattungen", 1.0, [1.0, 1.0, 1.0, 1.0, 1.0]),
         zeilen={"personalaufwendungen": (3100000, 0.03), "aufwendungen_sach_dienstleistungen": (240000, 0.025)}),
    dict(nr="31.2.01", bezug=(15, 64), faelle=[30400, 29600, 30300, 31000, 29500, 28000], k=376.0 * 12,
         k_wachstum=0.029, konto="transferaufwendungen",
         erst=("kostenerstattungen", 0.72, [0.705, 0.713, 0.724, 0.718, 0.716]),
         zeilen={"personalaufwendungen": (1240000, 0.03), "aufwendungen_sach_dienstleistungen": (9650000, 0.03),
                 "sonstige_ordentliche_aufwendungen": (15880000, 0.025), "zuwendungen_umlagen": (9400000, 0.01)}),
    dict(nr="31.3.01", bezug=(0, 100), faelle=[3100, 2800, 4200, 3300, 2900, 2600], k=11800.0, k_wachstum=0.03,
         konto="transferaufwendungen", erst=("zuwendungen_umlagen", 0.85, [0.82, 0.83, 0.84, 0.85, 0.85]),
         zeilen={"personalaufwendungen": (2900000, 0.03), "aufwendungen_sach_dienstleistungen": (13800000, 0.02)}),
    dict(nr="31.4.01", bezug=(0, 17), faelle=4350, rate_trend=0.035, k=12650.0, k_wachstum=0.035,
         konto="transferaufwendungen",
         zeilen={"personalaufwendungen": (2750000, 0.03), "aufwendungen_sach_dienstleistungen": (150000, 0.025),
                 "sonstige_transferertraege": (640000, 0.02)}),
    dict(nr="31.5.02", bezug=(15, 64), faelle=3450, rate_trend=0.015, k=640.0, k_wachstum=0.03,
         konto="transferaufwendungen", erst=("zuwendungen_umlagen", 0.25),
         zeilen={"personalaufwendungen": (310000, 0.03)}),
    dict(nr="36.3.01", bezug=(0, 17), faelle=2180, rate_trend=0.015, k=13700.0, k_wachstum=0.035,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.03),
         zeilen={"personalaufwendungen": (14600000, 0.035), "aufwendungen_sach_dienstleistungen": (820000, 0.025)}),
    dict(nr="36.3.02", bezug=(0, 17), faelle=1010, rate_trend=0.0, k=73400.0, k_wachstum=0.038,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.05),
         zeilen={"personalaufwendungen": (1650000, 0.03), "aufwendungen_sach_dienstleistungen": (95000, 0.02),
                 "sonstige_transferertraege": (2150000, 0.02)}),
    dict(nr="36.3.03", bezug=(0, 17), faelle=725, rate_trend=0.01, k=23600.0, k_wachstum=0.03,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.06),
         zeilen={"personalaufwendungen": (2250000, 0.03), "aufwendungen_sach_dienstleistungen": (140000, 0.02),
                 "sonstige_transferertraege": (610000, 0.015)}),
    dict(nr="36.3.05", bezug=(0, 0), faelle=88, rate_trend=0.02, k=58500.0, k_wachstum=0.035,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.04), zeilen={}),
    dict(nr="36.3.06", bezug=(18, 20), faelle=470, rate_trend=0.02, k=27200.0, k_wachstum=0.035,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.04), zeilen={}),
    dict(nr="36.4.01", bezug=(0, 17), faelle=8400, rate_trend=-0.01, k=3570.0, k_wachstum=0.028,
         konto="transferaufwendungen", erst=("kostenerstattungen", 0.667),
         zeilen={"personalaufwendungen": (2450000, 0.03), "aufwendungen_sach_dienstleistungen": (120000, 0.02),
                 "sonstige_transferertraege": (4550000, 0.01)}),
    dict(nr="36.5.01", bezug=(0, 2), quote_hist=[500, 510, 520, 530, 540, 550], k=18200.0, k_wachstum=0.04,
         konto="transferaufwendungen", erst=("oeffentlich_rechtliche_leistungsentgelte", 0.17),
         zeilen={"personalaufwendungen": (3100000, 0.035), "aufwendungen_sach_dienstleistungen": (2250000, 0.025),
                 "zuwendungen_umlagen": (29900000, 0.02)}),
    dict(nr="36.5.02", bezug=(3, 6), quote_hist=[935, 930, 940, 945, 948, 950], k=9400.0, k_wachstum=0.038,
         konto="transferaufwendungen", erst=("oeffentlich_rechtliche_leistungsentgelte", 0.21),
         zeilen={"personalaufwendungen": (4600000, 0.035), "aufwendungen_sach_dienstleistungen": (3450000, 0.025),
                 "zuwendungen_umlagen": (78000000, 0.02)}),
]

# Products without a driver (freiwillige Leistungen): lines only, indexed in the forecast.
OHNE_TREIBER = [
    dict(nr="31.5.01", zeilen={"personalaufwendungen": (1180000, 0.03),
                               "aufwendungen_sach_dienstleistungen": (640000, 0.025),
                               "transferaufwendungen": (2450000, 0.02),
                               "privatrechtliche_leistungsentgelte": (95000, 0.01)}),
    dict(nr="36.2.01", zeilen={"personalaufwendungen": (2380000, 0.03),
                               "aufwendungen_sach_dienstleistungen": (1420000, 0.025),
                               "transferaufwendungen": (9850000, 0.025),
                               "zuwendungen_umlagen": (1260000, 0.01),
                               "privatrechtliche_leistungsentgelte": (60000, 0.01)}),
    dict(nr="36.3.04", zeilen={"personalaufwendungen": (720000, 0.03),
                               "aufwendungen_sach_dienstleistungen": (180000, 0.025),
                               "transferaufwendungen": (1150000, 0.03),
                               "zuwendungen_umlagen": (460000, 0.0)}),
    dict(nr="36.6.01", zeilen={"personalaufwendungen": (940000, 0.03),
                               "aufwendungen_sach_dienstleistungen": (310000, 0.025),
                               "transferaufwendungen": (3650000, 0.02),
                               "zuwendungen_umlagen": (280000, 0.0)}),
]

# order of the Ergebnisplan lines in the files
ZEILEN_ORDNUNG = ["steuern", "zuwendungen_umlagen", "sonstige_transferertraege",
                  "oeffentlich_rechtliche_leistungsentgelte", "privatrechtliche_leistungsentgelte",
                  "kostenerstattungen", "sonstige_ordentliche_ertraege", "personalaufwendungen",
                  "versorgungsaufwendungen", "aufwendungen_sach_dienstleistungen", "bilanzielle_abschreibungen",
                  "transferaufwendungen", "sonstige_ordentliche_aufwendungen"]


def bezug_summe(pop, von, bis):
    return sum(v[a] for v in pop.values() for a in range(von, bis + 1))


def rueckwaerts(wert_2025, wachstum, rng, streuung=0.006):
    """Values 2020..2025 ending in wert_2025, growing by about `wachstum` a year."""
    werte = {2025: float(wert_2025)}
    for y in range(2024, 2019, -1):
        g = wachstum + rng.uniform(-streuung, streuung)
        werte[y] = werte[y + 1] / (1 + g)
    return werte


def ist_daten(pops, rng):
    """Returns {(jahr, produkt, groesse): wert}."""
    ist = {}
    for p in PRODUKTE:
        nr = p["nr"]
        von, bis = p["bezug"]
        ref = {y: bezug_summe(pops[y], von, bis) for y in JAHRE_IST}
        if "quote_hist" in p:
            faelle = {y: float(rund(q / 1000 * ref[y])) for y, q in zip(JAHRE_IST, p["quote_hist"])}
        elif isinstance(p["faelle"], list):
            faelle = {y: float(f) for y, f in zip(JAHRE_IST, p["faelle"])}
        else:
            r25 = p["faelle"] / ref[2025]
            faelle = {2025: float(p["faelle"])}
            for y in JAHRE_IST[:-1]:
                r = r25 * (1 + p["rate_trend"]) ** (y - 2025) * (1 + rng.uniform(-0.012, 0.012))
                faelle[y] = float(rund(r * ref[y]))
        k = rueckwaerts(p["k"], p["k_wachstum"], rng)
        aufwand = {y: round(faelle[y] * k[y], 2) for y in JAHRE_IST}
        for y in JAHRE_IST:
            ist[(y, nr, "faelle")] = faelle[y]
            ist[(y, nr, p["konto"])] = aufwand[y]
        if "erst" in p:
            konto, anteil = p["erst"][0], p["erst"][1]
            hist = p["erst"][2] if len(p["erst"]) > 2 else None
            for i, y in enumerate(JAHRE_IST):
                if y == 2025:
                    a = anteil
                elif hist:
                    a = hist[i]
                else:
                    a = anteil * (1 + rng.uniform(-0.02, 0.02))
                ist[(y, nr, konto)] = round(aufwand[y] * a, 2)
        for zeile, (w25, g) in p["zeilen"].items():
            for y, v in rueckwaerts(w25 * (1 + rng.uniform(-0.004, 0.004)), g, rng).items():
                ist[(y, nr, zeile)] = round(v, 2)
    for p in OHNE_TREIBER:
        for zeile, (w25, g) in p["zeilen"].items():
            for y, v in rueckwaerts(w25 * (1 + rng.uniform(-0.004, 0.004)), g, rng).items():
                ist[(y, p["nr"], zeile)] = round(v, 2)
    return ist


# ---- Plan data (modellformat.md section 15): own functions and their own random streams, so that the files
# written before them stay exactly as they were.

# A refund of Landesmittel for 2022-2024, booked in 2025 on 36.2.01 (zuwendungen_umlagen): in the Ist, a one-off.
SONDEREFFEKT = (2025, "36.2.01", "zuwendungen_umlagen", 310000.0)


def sondereffekt_einbuchen(ist):
    """Adds the one-off refund to the Ist 2025 (it is part of what was booked) and returns the sondereffekte rows."""
    jahr, nr, zeile, betrag = SONDEREFFEKT
    ist[(jahr, nr, zeile)] = round(ist[(jahr, nr, zeile)] + betrag, 2)
    return [(str(jahr), nr, zeile, de(betrag, 2))]


def ansatz_doppelhaushalt(keys, ist, rng_2026):
    """Ansatz 2026 (Ist 2025 grown by a few percent, the draws as before) and 2027 (2026 grown once more), the
    Doppelhaushalt 2026/2027; the one-off refund is not planned again."""
    rng_2027 = random.Random(SEED + 27)
    zeilen = []
    for (y, p, g) in keys:
        if y != BASISJAHR or g == "faelle":
            continue
        plus = {"personalaufwendungen": 0.045, "versorgungsaufwendungen": 0.045,
                "aufwendungen_sach_dienstleistungen": 0.025}.get(g, 0.03)
        basis = ist[(y, p, g)] - (SONDEREFFEKT[3] if (y, p, g) == SONDEREFFEKT[:3] else 0)
        a26 = rund(basis * (1 + plus + rng_2026.uniform(-0.01, 0.01)))
        a27 = rund(a26 * (1 + plus + rng_2027.uniform(-0.01, 0.01)))
        zeilen.append(("2026", p, g, str(a26)))
        zeilen.append(("2027", p, g, str(a27)))
    return sorted(zeilen, key=lambda z: (z[0], produkt_ordnung(z[1]), ZEILEN_ORDNUNG.index(z[2])))


def planung(ansatz_zeilen):
    """The Kämmerei's mittelfristige Ergebnisplanung 2026..2029: the Ansatz years as adopted, then a flat
    +2 % a year (Orientierungsdaten) on every line - simpler than the model, which is why it is worth comparing."""
    a = {(int(j), p, g): int(w) for j, p, g, w in ansatz_zeilen}
    zeilen = []
    for (j, p, g), w in sorted(a.items(), key=lambda kv: (kv[0][0], produkt_ordnung(kv[0][1]), ZEILEN_ORDNUNG.index(kv[0][2]))):
        zeilen.append((str(j), p, g, str(w)))
    for j in (2028, 2029):
        for (jj, p, g), w in sorted(a.items(), key=lambda kv: (produkt_ordnung(kv[0][1]), ZEILEN_ORDNUNG.index(kv[0][2]))):
            if jj == 2027:
                zeilen.append((str(j), p, g, str(rund(w * 1.02 ** (j - 2027)))))
    return zeilen


def produkt_ordnung(nr):
    return tuple(int(x) for x in nr.split("."))


def schreibe(pfad, kopf, zeilen):
    with open(pfad, "w", encoding="utf-8", newline="\n") as f:
        f.write(kopf + "\n")
        for z in zeilen:
            f.write(";".join(z) + "\n")


# ---------------------------------------------------------------- Sozialräume: names, cases, indicators, map
# Everything below uses its own random generator, so the files above stay byte-identical.

# burden of each Sozialraum (1 = city average): drives the synthetic indicators and the case shares
BELASTUNG = {"S01": 1.00, "S02": 0.80, "S03": 1.25, "S04": 0.85, "S05": 1.00, "S06": 0.55, "S07": 1.75,
             "S08": 1.10, "S09": 0.60, "S10": 0.45, "S11": 1.60, "S12": 0.95}
STADTBEZIRK = {"S01": "Mitte", "S02": "Süd", "S03": "Ost", "S04": "Nordost", "S05": "Nord", "S06": "Nordwest",
               "S07": "West", "S08": "Alt-West", "S09": "Südwest", "S10": "Südost", "S11": "Ost", "S12": "Nord"}
# products a Fachverfahren delivers per Sozialraum (address of the case), with the strength of the burden gradient
SOZIALRAUM_PRODUKTE = {"31.4.01": 0.5, "36.3.01": 1.0, "36.3.02": 1.6, "36.3.03": 1.2, "36.3.05": 1.4}
# indicators: id, name, unit, direction, city level, gradient of the burden
INDIKATOREN = [("sgb2_quote", "SGB-II-Quote", "%", "belastend", 11.0, 1.3),
               ("alleinerziehende", "Anteil Alleinerziehender an Haushalten mit Kindern", "%", "belastend", 24.0, 0.6),
               ("arbeitslose", "Arbeitslosenquote", "%", "belastend", 6.5, 1.1),
               ("uebergang_gym", "Übergangsquote aufs Gymnasium", "%", "entlastend", 48.0, -0.5)]


def groesster_rest(betrag, gewichte):
    """Whole parts of `betrag` in proportion to `gewichte` (largest remainder)."""
    s = sum(gewichte)
    quoten = [betrag * w / s for w in gewichte]
    teile = [int(math.floor(q)) for q in quoten]
    reihenfolge = sorted(range(len(quoten)), key=lambda i: (-(quoten[i] - teile[i]), i))
    for i in reihenfolge[:betrag - sum(teile)]:
        teile[i] += 1
    return teile


def sozialraum_faelle(pops, ist, rng):
    """faelle_gebiete.csv rows for 2024 and 2025: the city's cases spread by reference population × burden,
    about 3 % left without a Sozialraum (address unknown, placed out of town)."""
    zeilen = []
    bezug = {p["nr"]: p["bezug"] for p in PRODUKTE}
    for y in (2024, 2025):
        for nr, staerke in SOZIALRAUM_PRODUKTE.items():
            von, bis = bezug[nr]
            gew = []
            for g, _, _, _ in GEBIETE:
                r = sum(pops[y][(g, s)][a] for s in SEXES for a in range(von, bis + 1))
                gew.append(r * BELASTUNG[g] ** staerke * (1 + rng.uniform(-0.08, 0.08)))
            stadt = int(ist[(y, nr, "faelle")])
            teile = groesster_rest(stadt - int(round(stadt * 0.03)), gew)
            zeilen += [(str(y), g, nr, str(f)) for (g, _, _, _), f in zip(GEBIETE, teile)]
    return zeilen


def sozialraum_indikatoren(rng):
    zeilen = []
    for y in (2024, 2025):
        for ind, _, _, _, stadt, steigung in INDIKATOREN:
            for g, _, _, _ in GEBIETE:
                x = stadt * BELASTUNG[g] ** steigung * (1 + rng.uniform(-0.05, 0.05)) * (1 + 0.01 * (y - 2025))
                zeilen.append((str(y), g, ind, de(x, 1)))
    return zeilen


def sozialraum_karte(rng):
    """Synthetic but plausible shapes: a 4 × 3 grid over the city with jittered shared edges (neighbours stay
    adjacent), S10 with a hole (a lake), S06 as a MultiPolygon (an exclave in the north-west)."""
    lage = [["S06", "S12", "S05", "S04"], ["S07", "S08", "S01", "S11"], ["S09", "S02", "S03", "S10"]]
    lon0, lat0, dlon, dlat, teile = 12.28, 51.29, 0.055, 0.038, 4
    ecke = {}
    for i in range(5):
        for j in range(4):
            innen = 0 < i < 4 and 0 < j < 3
            ecke[(i, j)] = (lon0 + i * dlon + (rng.uniform(-0.012, 0.012) if innen else 0),
                            lat0 + j * dlat + (rng.uniform(-0.008, 0.008) if innen else 0))
    kante = {}

    def punkte(a, b):
        """Points from corner a to corner b (exclusive of b), shared by the two cells along the edge."""
        key = (min(a, b), max(a, b))
        if key not in kante:
            (x0, y0), (x1, y1) = ecke[key[0]], ecke[key[1]]
            rand = key[0][0] == key[1][0] in (0, 4) or key[0][1] == key[1][1] in (0, 3)
            zwischen = []
            for k in range(1, teile):
                t = k / teile
                w = 0.0 if rand else rng.uniform(-0.004, 0.004)
                zwischen.append((x0 + t * (x1 - x0) + w, y0 + t * (y1 - y0) - w))
            kante[key] = [ecke[key[0]]] + zwischen
        p = kante[key]
        return p if key[0] == a else [ecke[a]] + list(reversed(p[1:]))

    features = []
    for zeile, reihe in enumerate(lage):
        j = 2 - zeile
        for i, g in enumerate(reihe):
            ring = []
            for a, b in [((i, j), (i + 1, j)), ((i + 1, j), (i + 1, j + 1)), ((i + 1, j + 1), (i, j + 1)),
                         ((i, j + 1), (i, j))]:
                ring += punkte(a, b)[:teile]
            ring.append(ring[0])
            ringe = [ring]
            if g == "S10":
                cx, cy = ecke[(3, 0)][0] + 0.6 * dlon, ecke[(3, 0)][1] + 0.5 * dlat
                loch = [(cx + 0.010 * math.cos(2 * math.pi * k / 10), cy - 0.006 * math.sin(2 * math.pi * k / 10))
                        for k in range(10)]
                ringe.append(loch + [loch[0]])
            geometrie = {"type": "Polygon", "coordinates": ringe}
            if g == "S06":
                ex = [(lon0 - 0.030, lat0 + 3 * dlat - 0.020), (lon0 - 0.008, lat0 + 3 * dlat - 0.024),
                      (lon0 - 0.006, lat0 + 3 * dlat - 0.006), (lon0 - 0.026, lat0 + 3 * dlat - 0.002)]
                geometrie = {"type": "MultiPolygon", "coordinates": [ringe, [ex + [ex[0]]]]}
            features.append((g, geometrie))
    name = {g: n for g, n, _, _ in GEBIETE}

    def koord(x):
        if isinstance(x, tuple):
            return "[" + f"{x[0]:.5f}" + ", " + f"{x[1]:.5f}" + "]"
        return "[" + ", ".join(koord(y) for y in x) + "]"

    teile_json = []
    for g, geo in sorted(features):
        n = name[g].split(" (")[0]
        teile_json.append('    {"type": "Feature", "properties": {"gebiet": "' + g + '", "name": "' + n + '"}, '
                          + '"geometry": {"type": "' + geo["type"] + '", "coordinates": ' + koord(geo["coordinates"]) + "}}")
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(teile_json) + "\n]}\n"


def sozialraeume(out, pops, ist):
    rng = random.Random(SEED + 13)
    schreibe(os.path.join(out, "gebiete.csv"), "gebiet;name;stadtbezirk",
             [(g, n.split(" (")[0], STADTBEZIRK[g]) for g, n, _, _ in GEBIETE])
    schreibe(os.path.join(out, "faelle_gebiete.csv"), "jahr;gebiet;produkt;faelle", sozialraum_faelle(pops, ist, rng))
    schreibe(os.path.join(out, "indikatoren.csv"), "jahr;gebiet;indikator;wert", sozialraum_indikatoren(rng))
    with open(os.path.join(out, "sozialraeume.geojson"), "w", encoding="utf-8", newline="\n") as f:
        f.write(sozialraum_karte(rng))
# ---------------------------------------------------------------------------------------------
# Budget cycle: the council's frame, in-year Ist for controlling, and an older state of the model
# (own random stream, so the files above stay byte-identical when these functions change).
# ---------------------------------------------------------------------------------------------
ERTRAG_ZEILEN = {"steuern", "zuwendungen_umlagen", "sonstige_transferertraege",
                 "oeffentlich_rechtliche_leistungsentgelte", "privatrechtliche_leistungsentgelte",
                 "kostenerstattungen", "sonstige_ordentliche_ertraege"}
BUDGETBEREICHE = {"B1": ["31"], "B2": ["36.2", "36.3", "36.4", "36.6"], "B3": ["36.5"]}
# Planned deviation of the in-year Ist 2026 from the Ansatz (share of the year), per product: the story the
# Abweichungsbericht tells (Pflege and Heimerziehung run over, Asyl under).
ABWEICHUNG_2026 = {"31.1.02": 0.075, "36.3.05": 0.03, "31.3.01": -0.06, "36.3.03": 0.012}


def bereich_von(nr):
    for b, prefixe in BUDGETBEREICHE.items():
        if any(nr == p or nr.startswith(p + ".") for p in prefixe):
            return b
    return None


def eckwertebeschluss(out, ansatz):
    """eckwertebeschluss.yaml: frames 2027–2030 = Zuschussbedarf of the Ansatz 2026 per Budgetbereich, + 2 % a year
    (the council's rule of thumb), rounded down to 100.000 EUR."""
    zuschuss = {b: 0.0 for b in BUDGETBEREICHE}
    for p, g, w in ansatz:
        b = bereich_von(p)
        if b:
            zuschuss[b] += -float(w) if g in ERTRAG_ZEILEN else float(w)
    zeilen = ["# Eckwertebeschluss des Rates (fiktiv): Zuschussbedarf-Rahmen je Budgetbereich und Jahr in Euro.",
              "# Regel des Beschlusses: Zuschussbedarf des Ansatzes 2026, fortgeschrieben mit 2 % pro Jahr,",
              "# abgerundet auf 100.000 EUR. Erzeugt von tools/musterstadt/generate.py.",
              "beschluss: Eckwertebeschluss des Rates vom 24.06.2026 (Drucksache VIII-DS-01427)",
              "rahmen:"]
    for b in BUDGETBEREICHE:
        werte = ", ".join(f"{j}: {int(zuschuss[b] * 1.02 ** (j - 2026) // 100000 * 100000)}" for j in range(2027, 2031))
        zeilen.append(f"  {b}: {{{werte}}}")
    with open(os.path.join(out, "eckwertebeschluss.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(zeilen) + "\n")


def saison(zeile, monat):
    """Share of the year's amount booked by the end of `monat`: even months, with the Jahressonderzahlung in
    November for personnel, and Kostenerstattungen/Erträge settled late (quarterly, the last quarter in December)."""
    if zeile in ("personalaufwendungen", "versorgungsaufwendungen"):
        w = [1.0] * 12
        w[10] = 1.8
    elif zeile in ERTRAG_ZEILEN:
        w = [0.2, 0.2, 1.6, 0.2, 0.2, 1.6, 0.2, 0.2, 1.6, 0.2, 0.2, 5.6]
    elif zeile == "aufwendungen_sach_dienstleistungen":
        w = [0.6, 0.8, 0.9, 0.9, 1.0, 1.0, 0.9, 0.8, 1.0, 1.0, 1.2, 2.9]
    else:
        w = [1.0] * 11 + [1.4]
    return sum(w[:monat]) / sum(w)


def ist_unterjaehrig(out, ist, ansatz):
    """ist_unterjaehrig.csv: cumulative amounts January..month for 2024 and 2025 (all months, adding up to ist.csv)
    and 2026 up to September (heading for Ansatz × (1 + ABWEICHUNG_2026)); cases as the month's count."""
    rng = random.Random(SEED + 14)
    zeilen = []
    ansatz_w = {(p, g): float(w) for p, g, w in ansatz}
    produkte = sorted({p for (_, p, _) in ist}, key=produkt_ordnung)
    for jahr, monate in ((2024, 12), (2025, 12), (2026, 9)):
        for p in produkte:
            for g in ["faelle"] + ZEILEN_ORDNUNG:
                if jahr < 2026:
                    total = ist.get((jahr, p, g))
                else:
                    basis = ansatz_w.get((p, g)) if g != "faelle" else ist.get((2025, p, g))
                    total = None if basis is None else basis * (1 + ABWEICHUNG_2026.get(p, 0.0) + rng.uniform(-0.006, 0.006))
                if total is None:
                    continue
                for m in range(1, monate + 1):
                    if g == "faelle":
                        wert = de(round(total * (1 + 0.004 * (m - 6.5) / 6 + rng.uniform(-0.01, 0.01))), 0)
                    else:
                        wert = de(total * saison(g, m) * (1 + (rng.uniform(-0.004, 0.004) if m < 12 else 0)), 2)
                    zeilen.append((str(jahr), str(m), p, g, wert))
    # cumulative amounts must not fall from month to month (the noise above is far smaller than a month's share)
    schreibe(os.path.join(out, "ist_unterjaehrig.csv"), "jahr;monat;produkt;groesse;wert", zeilen)


def aelterer_stand(out, ist):
    """scenarios/musterstadt-eckwertestand: the state of the model in March 2026, on which the Eckwertebeschluss
    rested. Same Basisjahr 2025, so the Veränderungsnachweis can split every cause: the Ist 2025 was preliminary
    (before the Jahresabschluss), the population of 31.12.2025 an early estimate, the status-quo assumed
    3,0 % instead of 3,5 % Tarif, and Hilfe zur Pflege was still driven by the population 65+ instead of 80+."""
    alt = os.path.normpath(os.path.join(out, "..", "musterstadt-eckwertestand"))
    os.makedirs(alt, exist_ok=True)
    rng = random.Random(SEED + 15)
    # the Sozialräume (names, cases, indicators, map) are the same in both states
    for datei in ("sterbetafel.csv", "fruchtbarkeit.csv", "wanderung.csv", "ansatz.csv", "bevoelkerung_historie.csv",
                  "gebiete.csv", "faelle_gebiete.csv", "indikatoren.csv", "sozialraeume.geojson"):
        with open(os.path.join(out, datei), encoding="utf-8") as f:
            inhalt = f.read()
        with open(os.path.join(alt, datei), "w", encoding="utf-8", newline="\n") as f:
            f.write(inhalt)
    vorlaeufig = {}
    for (y, p, g), w in ist.items():
        if y == BASISJAHR and g != "faelle":
            w = w * (1 - rng.uniform(0.0, 0.03))
        elif y == BASISJAHR:
            w = float(rund(w * (1 - rng.uniform(0.0, 0.015))))
        vorlaeufig[(y, p, g)] = w
    rang = {z: i for i, z in enumerate(["faelle"] + ZEILEN_ORDNUNG)}
    keys = sorted(vorlaeufig, key=lambda k: (k[0], produkt_ordnung(k[1]), rang[k[2]]))
    schreibe(os.path.join(alt, "ist.csv"), "jahr;produkt;groesse;wert",
             [(str(y), p, g, de(vorlaeufig[(y, p, g)], 0 if g == "faelle" else 2)) for y, p, g in keys])
    with open(os.path.join(out, "bevoelkerung.csv"), encoding="utf-8") as f:
        kopf, *bev = f.read().splitlines()
    neu = []
    for z in bev:
        g, s, a, n = z.split(";")
        faktor = 0.985 if int(a) >= 80 else (1.004 if int(a) < 6 else 1.0)
        neu.append((g, s, a, str(int(round(int(n) * faktor)))))
    schreibe(os.path.join(alt, "bevoelkerung.csv"), kopf, neu)
    ersetzen(os.path.join(out, "szenarien.yaml"), os.path.join(alt, "szenarien.yaml"),
             [("      tarif: 0.035\n", "      tarif: 0.030\n")])
    ersetzen(os.path.join(out, "modell.yaml"), os.path.join(alt, "modell.yaml"),
             [("stufe: entwurf", "stufe: eckwertebeschluss"), ("stand: 2026-10-15", "stand: 2026-03-31"),
              ("      bezug: {gruppe: senioren_80plus}\n      quote: ist\n    fallkosten:\n      basis: ist\n"
               "      konto: transferaufwendungen\n      personalanteil: 0.3",
               "      bezug: {gruppe: senioren_65plus}\n      quote: ist\n    fallkosten:\n      basis: ist\n"
               "      konto: transferaufwendungen\n      personalanteil: 0.3")])
    with open(os.path.join(alt, "LIESMICH.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(LIESMICH_ALT)


LIESMICH_ALT = """# Musterstadt – Stand des Eckwertebeschlusses (März 2026)

Älterer Stand des Modells `../musterstadt` (fiktiv), erzeugt von `tools/musterstadt/generate.py`. Auf ihm beruhte der
Eckwertebeschluss. `eckwert vergleich scenarios/musterstadt-eckwertestand scenarios/musterstadt` erklärt, warum der
Entwurf (Oktober 2026) davon abweicht. Gleiches Basisjahr 2025, damit jede Ursache getrennt werden kann:

- Ist-Daten: das Ist 2025 war vorläufig (vor dem Jahresabschluss) und lag 0–3 % unter dem endgültigen;
- Bevölkerung: die Schätzung zum 31.12.2025 hatte 1,5 % weniger Hochbetagte (80+) und 0,4 % mehr Kleinkinder;
- Annahmen: das Szenario status-quo rechnete mit 3,0 % statt 3,5 % Tarifsteigerung;
- Modellstruktur: die Hilfe zur Pflege (31.1.02) wurde noch auf die Bevölkerung ab 65 statt ab 80 bezogen.
"""


def ersetzen(quelle, ziel, paare):
    with open(quelle, encoding="utf-8") as f:
        inhalt = f.read()
    for alt, neu in paare:
        if alt not in inhalt:
            raise SystemExit(f"{quelle}: Textstelle für den älteren Stand nicht gefunden: {alt!r}")
        inhalt = inhalt.replace(alt, neu, 1)
    with open(ziel, "w", encoding="utf-8", newline="\n") as f:
        f.write(inhalt)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out, exist_ok=True)
    rng = random.Random(SEED)

    gebiete, pops, tfr, qx, fert, mig = historie()

    schreibe(os.path.join(out, "sterbetafel.csv"), "geschlecht;alter;qx",
             [(s, str(a), de(qx[s][a], 6)) for s in SEXES for a in ALTER])
    schreibe(os.path.join(out, "fruchtbarkeit.csv"), "alter;rate",
             [(str(a), de(r, 6)) for a, r in sorted(fert.items())])
    schreibe(os.path.join(out, "wanderung.csv"), "geschlecht;alter;anteil",
             [(s, str(a), de(mig[(s, a)], 6)) for s in SEXES for a in ALTER])

    def bev_zeilen(pop):
        return [(g, s, str(a), str(int(pop[(g, s)][a]))) for g in gebiete for s in SEXES for a in ALTER]

    schreibe(os.path.join(out, "bevoelkerung.csv"), "gebiet;geschlecht;alter;anzahl", bev_zeilen(pops[BASISJAHR]))
    hist = []
    for y in range(HIST_START, BASISJAHR):
        hist += [(str(y),) + z for z in bev_zeilen(pops[y])]
    schreibe(os.path.join(out, "bevoelkerung_historie.csv"), "jahr;gebiet;geschlecht;alter;anzahl", hist)

    ist = ist_daten(pops, rng)
    sondereffekte = sondereffekt_einbuchen(ist)
    rang = {z: i for i, z in enumerate(["faelle"] + ZEILEN_ORDNUNG)}
    keys = sorted(ist, key=lambda k: (k[0], produkt_ordnung(k[1]), rang[k[2]]))
    schreibe(os.path.join(out, "ist.csv"), "jahr;produkt;groesse;wert",
             [(str(y), p, g, de(ist[(y, p, g)], 0 if g == "faelle" else 2)) for y, p, g in keys])

    ansatz = ansatz_doppelhaushalt(keys, ist, rng)
    schreibe(os.path.join(out, "ansatz.csv"), "jahr;produkt;groesse;wert", ansatz)
    schreibe(os.path.join(out, "planung.csv"), "jahr;produkt;groesse;wert", planung(ansatz))
    schreibe(os.path.join(out, "sondereffekte.csv"), "jahr;produkt;groesse;wert", sondereffekte)
    sozialraeume(out, pops, ist)

    # budget cycle: frame, in-year Ist, the older state of the model
    ansatz_2026 = [(p, g, w) for j, p, g, w in ansatz if j == "2026"]
    eckwertebeschluss(out, ansatz_2026)
    ist_unterjaehrig(out, ist, ansatz_2026)
    aelterer_stand(out, ist)

    # summary on stderr
    p25 = pops[BASISJAHR]
    print(f"Bevölkerung 31.12.2025: {gesamt(p25):.0f}", file=sys.stderr)
    for lo, hi in [(0, 2), (3, 5), (6, 17), (18, 64), (65, 79), (80, 100)]:
        print(f"  {lo:3d}-{hi:3d}: {bezug_summe(p25, lo, hi):8.0f}", file=sys.stderr)
    print("  TFR 2020..2025 (angepasst): " + ", ".join(f"{y}: {t:.3f}" for y, t in tfr.items()), file=sys.stderr)
    for y in range(HIST_START, BASISJAHR + 1):
        print(f"  {y}: {gesamt(pops[y]):.0f}", file=sys.stderr)


if __name__ == "__main__":
    main()
