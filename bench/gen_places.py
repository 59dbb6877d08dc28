#!/usr/bin/env python3
"""Generate realistic synthetic help places in the French national open-data standard.

The output is a CSV file in the format of the "standard de données des lieux de médiation
numérique" (LaMednum/standard-mediation-num, schema v1.0.2, Licence Ouverte 2.0): the 32
columns of the schema in its order, comma-separated, UTF-8, `|` between the values of a
multi-valued cell, opening hours in OpenStreetMap `opening_hours` syntax.

Usage:
    python3 bench/gen_places.py --places 20000 --out /tmp/places.csv [--seed 42] [--check]
    python3 bench/gen_places.py --validate FILE.csv [--schema path/to/schema.json]

    --places N     how many places (rows) to write (default 1000)
    --out FILE     where to write the CSV ("-" for standard output)
    --seed N       random seed: the same seed and count give the same file (default 1)
    --check        after writing, validate the file against the schema and exit 1 on errors
    --validate F   only validate an existing CSV file (generated or real) and report errors
    --schema F     validate against this schema.json (the official file) instead of the copy of
                   its rules built into this script

Everything is fictitious: names of places, street addresses, SIRET/RNA numbers, phone numbers
(in the ranges ARCEP keeps for fiction: +33 1 99 00, +33 2 61 91, +33 3 53 01, +33 4 65 71,
+33 5 36 49, +33 6 39 98), e-mail addresses and web sites (all at example.org). The
départements, their postcode prefixes and the larger towns are real (town coordinates and
INSEE codes given from memory, close enough for a benchmark); smaller communes get invented
names in the style of their region, a postcode of their département and an INSEE-like code.
Places are spread like people: a département gets places in proportion to its population, and
within it most go to its larger towns, the rest to communes drawn so that many small towns have
one to three places and a few have more.

Only the Python standard library is needed, to generate and to validate. Validation follows
the schema's Table Schema rules (header and column order, required cells, number and date types,
patterns, maximum length, unique id); `horaires` is a free string there, so its OpenStreetMap
syntax is not checked here (every value this script writes parses with the Rust crate
`opening-hours` 2.1.4).
"""

import argparse
import csv
import datetime
import json
import math
import os
import random
import re
import sys
import unicodedata
import uuid

# --------------------------------------------------------------------------------------------
# The schema (v1.0.2): column order, types and constraints, as in its schema.json "fields".
# --------------------------------------------------------------------------------------------


def _enum(*values):
    """The pattern the schema uses for a `|`-separated list of values taken from `values`."""
    return "(?:(?:^|\\|)(" + "|".join(re.escape(v) for v in values) + "))+$"


SERVICES = [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
]
PUBLICS = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"]
PRISE_EN_CHARGE = [
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
]
FRAIS = ["Gratuit", "Gratuit sous condition", "Payant"]
ITINERANCE = ["Itinérant", "Fixe"]
DISPOSITIFS = [
    "Aidants Connect",
    "Bibliothèques numérique de référence",  # sic, as in the schema
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
]
FORMATIONS_LABELS = [
    "Formé à « Mon Espace Santé »",
    "Formé à « DUPLEX » (illettrisme)",
    "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
    "Collectif ressources et acteurs réemploi (Normandie)",
    "Étapes numériques(La Poste)",  # sic: no space before "(" in the schema's pattern
    "Fabriques de Territoire",
    "Les Éclaireurs du numérique (Drôme)",
    "Mes Papiers (Métropole de Lyon)",
    "ORDI 3.0",
    "SUD LABS (PACA)",
]
MODALITES_ACCES = [
    "Se présenter",
    "Téléphoner",
    "Contacter par mail",
    "Prendre un RDV en ligne",
    "Ce lieu n'accueille pas de public",
    "Envoyer un mail avec une fiche de prescription",
]
MODALITES_ACCOMPAGNEMENT = [
    "En autonomie",
    "Accompagnement individuel",
    "Dans un atelier collectif",
    "À distance",
]

# (name, type, required, extra constraints): the same content as schema.json's "fields".
SCHEMA_FIELDS = [
    {"name": n, "type": t, "constraints": dict(c, required=r) if r is not None else c}
    for n, t, r, c in [
        ("id", "string", True, {"unique": True}),
        ("pivot", "string", True, {"pattern": "^[a-zA-Z0-9]{9,14}$"}),
        ("nom", "string", True, {}),
        ("commune", "string", True, {}),
        ("code_postal", "string", True, {"pattern": "^\\d{5}$"}),
        ("code_insee", "string", False, {"pattern": "^([013-9]\\d|2[AB1-9])\\d{3}$"}),
        ("adresse", "string", True, {}),
        ("complement_adresse", "string", False, {}),
        ("latitude", "number", False, {}),
        ("longitude", "number", False, {}),
        ("typologie", "string", False, {}),
        (
            "telephone",
            "string",
            False,
            {
                "pattern": "^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$"
            },
        ),
        ("courriels", "string", False, {}),
        ("site_web", "string", False, {}),
        ("horaires", "string", False, {}),
        ("presentation_resume", "string", False, {"maxLength": 280}),
        ("presentation_detail", "string", False, {}),
        ("source", "string", False, {}),
        ("itinerance", "string", False, {"pattern": _enum(*ITINERANCE)}),
        ("structure_parente", "string", False, {}),
        ("date_maj", "date", True, {}),
        ("services", "string", None, {"pattern": _enum(*SERVICES)}),  # no "required" key
        ("publics_specifiquement_adresses", "string", False, {"pattern": _enum(*PUBLICS)}),
        ("prise_en_charge_specifique", "string", False, {"pattern": _enum(*PRISE_EN_CHARGE)}),
        ("frais_a_charge", "string", False, {"pattern": _enum(*FRAIS)}),
        ("dispositif_programmes_nationaux", "string", False, {"pattern": _enum(*DISPOSITIFS)}),
        ("formations_labels", "string", False, {"pattern": _enum(*FORMATIONS_LABELS)}),
        ("autres_formations_labels", "string", False, {}),
        ("modalites_acces", "string", False, {"pattern": _enum(*MODALITES_ACCES)}),
        ("modalites_accompagnement", "string", False, {"pattern": _enum(*MODALITES_ACCOMPAGNEMENT)}),
        ("fiche_acces_libre", "string", False, {}),
        ("prise_rdv", "string", False, {}),
    ]
]
COLUMNS = [f["name"] for f in SCHEMA_FIELDS]

# --------------------------------------------------------------------------------------------
# Geography: régions, départements, larger towns.
# --------------------------------------------------------------------------------------------

# Région code -> (name, phone zone of the fiction range, flavour of invented commune names)
REGIONS = {
    "ARA": ("Auvergne-Rhône-Alpes", "4", "generic"),
    "BFC": ("Bourgogne-Franche-Comté", "3", "generic"),
    "BRE": ("Bretagne", "2", "breton"),
    "CVL": ("Centre-Val de Loire", "2", "generic"),
    "COR": ("Corse", "4", "corsican"),
    "GES": ("Grand Est", "3", "east"),
    "HDF": ("Hauts-de-France", "3", "north"),
    "IDF": ("Île-de-France", "1", "generic"),
    "NOR": ("Normandie", "2", "norman"),
    "NAQ": ("Nouvelle-Aquitaine", "5", "south"),
    "OCC": ("Occitanie", "5", "south"),
    "PDL": ("Pays de la Loire", "2", "generic"),
    "PAC": ("Provence-Alpes-Côte d'Azur", "4", "south"),
    "GUA": ("Guadeloupe", "5", "creole"),
    "MTQ": ("Martinique", "5", "creole"),
    "GUF": ("Guyane", "5", "creole"),
    "REU": ("La Réunion", "2", "creole"),
    "MAY": ("Mayotte", "2", "creole"),
}

# Fiction ranges kept by ARCEP, by zone: +33 then 9 digits without the leading 0.
FICTION_PHONE = {"1": "19900", "2": "26191", "3": "35301", "4": "46571", "5": "53649", "6": "63998"}

# code, name, région, centre (lat, lon), spread in degrees, population in thousands
DEPARTEMENTS = [
    ("01", "Ain", "ARA", 46.10, 5.35, 0.30, 660), ("02", "Aisne", "HDF", 49.56, 3.56, 0.35, 525),
    ("03", "Allier", "ARA", 46.39, 3.19, 0.30, 335),
    ("04", "Alpes-de-Haute-Provence", "PAC", 44.10, 6.24, 0.30, 165),
    ("05", "Hautes-Alpes", "PAC", 44.66, 6.26, 0.25, 141),
    ("06", "Alpes-Maritimes", "PAC", 43.80, 7.10, 0.15, 1100),
    ("07", "Ardèche", "ARA", 44.75, 4.42, 0.25, 330), ("08", "Ardennes", "GES", 49.62, 4.62, 0.25, 270),
    ("09", "Ariège", "OCC", 42.92, 1.50, 0.20, 155), ("10", "Aube", "GES", 48.30, 4.16, 0.25, 310),
    ("11", "Aude", "OCC", 43.10, 2.41, 0.25, 375), ("12", "Aveyron", "OCC", 44.28, 2.68, 0.30, 280),
    ("13", "Bouches-du-Rhône", "PAC", 43.50, 5.09, 0.20, 2050),
    ("14", "Calvados", "NOR", 49.10, -0.36, 0.25, 700), ("15", "Cantal", "ARA", 45.05, 2.67, 0.25, 145),
    ("16", "Charente", "NAQ", 45.72, 0.20, 0.25, 350),
    ("17", "Charente-Maritime", "NAQ", 45.78, -0.67, 0.30, 660),
    ("18", "Cher", "CVL", 47.06, 2.49, 0.30, 300), ("19", "Corrèze", "NAQ", 45.36, 1.88, 0.25, 240),
    ("2A", "Corse-du-Sud", "COR", 41.86, 8.98, 0.20, 160), ("2B", "Haute-Corse", "COR", 42.39, 9.21, 0.20, 185),
    ("21", "Côte-d'Or", "BFC", 47.42, 4.77, 0.30, 535),
    ("22", "Côtes-d'Armor", "BRE", 48.44, -2.86, 0.25, 600), ("23", "Creuse", "NAQ", 46.09, 2.02, 0.25, 115),
    ("24", "Dordogne", "NAQ", 45.10, 0.74, 0.30, 415), ("25", "Doubs", "BFC", 47.16, 6.36, 0.25, 545),
    ("26", "Drôme", "ARA", 44.68, 5.17, 0.30, 520), ("27", "Eure", "NOR", 49.11, 0.99, 0.25, 600),
    ("28", "Eure-et-Loir", "CVL", 48.39, 1.37, 0.25, 430), ("29", "Finistère", "BRE", 48.25, -4.06, 0.25, 920),
    ("30", "Gard", "OCC", 43.99, 4.18, 0.25, 750), ("31", "Haute-Garonne", "OCC", 43.36, 1.17, 0.30, 1420),
    ("32", "Gers", "OCC", 43.69, 0.45, 0.25, 190), ("33", "Gironde", "NAQ", 44.83, -0.57, 0.30, 1650),
    ("34", "Hérault", "OCC", 43.58, 3.37, 0.25, 1200),
    ("35", "Ille-et-Vilaine", "BRE", 48.15, -1.64, 0.25, 1100), ("36", "Indre", "CVL", 46.78, 1.58, 0.30, 218),
    ("37", "Indre-et-Loire", "CVL", 47.26, 0.69, 0.25, 610), ("38", "Isère", "ARA", 45.26, 5.58, 0.30, 1280),
    ("39", "Jura", "BFC", 46.73, 5.70, 0.25, 260), ("40", "Landes", "NAQ", 43.97, -0.79, 0.30, 420),
    ("41", "Loir-et-Cher", "CVL", 47.62, 1.43, 0.25, 330), ("42", "Loire", "ARA", 45.73, 4.17, 0.25, 765),
    ("43", "Haute-Loire", "ARA", 45.13, 3.81, 0.25, 228),
    ("44", "Loire-Atlantique", "PDL", 47.36, -1.68, 0.25, 1460), ("45", "Loiret", "CVL", 47.91, 2.34, 0.25, 685),
    ("46", "Lot", "OCC", 44.62, 1.60, 0.25, 175), ("47", "Lot-et-Garonne", "NAQ", 44.37, 0.46, 0.25, 330),
    ("48", "Lozère", "OCC", 44.52, 3.50, 0.20, 77), ("49", "Maine-et-Loire", "PDL", 47.39, -0.56, 0.25, 820),
    ("50", "Manche", "NOR", 49.08, -1.33, 0.30, 495), ("51", "Marne", "GES", 48.95, 4.24, 0.30, 565),
    ("52", "Haute-Marne", "GES", 48.11, 5.23, 0.25, 172), ("53", "Mayenne", "PDL", 48.15, -0.65, 0.20, 307),
    ("54", "Meurthe-et-Moselle", "GES", 48.79, 6.16, 0.25, 730), ("55", "Meuse", "GES", 48.99, 5.38, 0.30, 183),
    ("56", "Morbihan", "BRE", 47.85, -2.81, 0.25, 760), ("57", "Moselle", "GES", 49.04, 6.66, 0.25, 1045),
    ("58", "Nièvre", "BFC", 47.11, 3.50, 0.25, 200), ("59", "Nord", "HDF", 50.45, 3.22, 0.25, 2610),
    ("60", "Oise", "HDF", 49.41, 2.43, 0.25, 830), ("61", "Orne", "NOR", 48.58, 0.13, 0.25, 280),
    ("62", "Pas-de-Calais", "HDF", 50.49, 2.29, 0.25, 1460),
    ("63", "Puy-de-Dôme", "ARA", 45.73, 3.14, 0.30, 665),
    ("64", "Pyrénées-Atlantiques", "NAQ", 43.26, -0.76, 0.25, 690),
    ("65", "Hautes-Pyrénées", "OCC", 43.05, 0.16, 0.20, 230),
    ("66", "Pyrénées-Orientales", "OCC", 42.60, 2.52, 0.20, 485),
    ("67", "Bas-Rhin", "GES", 48.67, 7.55, 0.25, 1150), ("68", "Haut-Rhin", "GES", 47.86, 7.27, 0.20, 765),
    ("69", "Rhône", "ARA", 45.80, 4.70, 0.15, 1900), ("70", "Haute-Saône", "BFC", 47.64, 6.09, 0.25, 233),
    ("71", "Saône-et-Loire", "BFC", 46.64, 4.54, 0.30, 550), ("72", "Sarthe", "PDL", 48.00, 0.22, 0.25, 565),
    ("73", "Savoie", "ARA", 45.48, 6.44, 0.25, 440), ("74", "Haute-Savoie", "ARA", 46.03, 6.43, 0.20, 840),
    ("75", "Paris", "IDF", 48.8566, 2.3522, 0.025, 2130),
    ("76", "Seine-Maritime", "NOR", 49.66, 1.03, 0.25, 1250),
    ("77", "Seine-et-Marne", "IDF", 48.63, 2.93, 0.25, 1440), ("78", "Yvelines", "IDF", 48.81, 1.84, 0.15, 1450),
    ("79", "Deux-Sèvres", "NAQ", 46.55, -0.32, 0.25, 375), ("80", "Somme", "HDF", 49.96, 2.28, 0.25, 565),
    ("81", "Tarn", "OCC", 43.79, 2.17, 0.25, 390), ("82", "Tarn-et-Garonne", "OCC", 44.08, 1.29, 0.20, 262),
    ("83", "Var", "PAC", 43.46, 6.22, 0.25, 1090), ("84", "Vaucluse", "PAC", 44.00, 5.17, 0.20, 565),
    ("85", "Vendée", "PDL", 46.67, -1.30, 0.25, 690), ("86", "Vienne", "NAQ", 46.56, 0.46, 0.30, 440),
    ("87", "Haute-Vienne", "NAQ", 45.89, 1.24, 0.25, 372), ("88", "Vosges", "GES", 48.19, 6.38, 0.25, 360),
    ("89", "Yonne", "BFC", 47.84, 3.56, 0.30, 335),
    ("90", "Territoire de Belfort", "BFC", 47.63, 6.93, 0.07, 140),
    ("91", "Essonne", "IDF", 48.52, 2.24, 0.12, 1300), ("92", "Hauts-de-Seine", "IDF", 48.85, 2.25, 0.04, 1630),
    ("93", "Seine-Saint-Denis", "IDF", 48.91, 2.48, 0.04, 1650),
    ("94", "Val-de-Marne", "IDF", 48.78, 2.47, 0.04, 1410), ("95", "Val-d'Oise", "IDF", 49.08, 2.13, 0.12, 1250),
    ("971", "Guadeloupe", "GUA", 16.20, -61.55, 0.08, 385), ("972", "Martinique", "MTQ", 14.65, -61.02, 0.06, 360),
    ("973", "Guyane", "GUF", 4.90, -52.50, 0.12, 290), ("974", "La Réunion", "REU", -21.13, 55.53, 0.08, 870),
    ("976", "Mayotte", "MAY", -12.82, 45.15, 0.04, 300),
]

# Larger towns: département, name, INSEE code, postcodes, lat, lon, population in thousands.
# The first town of each département is its préfecture.
TOWNS = [
    ("01", "Bourg-en-Bresse", "01053", "01000", 46.205, 5.226, 42),
    ("02", "Laon", "02408", "02000", 49.564, 3.620, 25), ("02", "Saint-Quentin", "02691", "02100", 49.848, 3.287, 53),
    ("03", "Moulins", "03190", "03000", 46.566, 3.333, 19), ("03", "Montluçon", "03185", "03100", 46.340, 2.603, 34),
    ("03", "Vichy", "03310", "03200", 46.128, 3.425, 25),
    ("04", "Digne-les-Bains", "04070", "04000", 44.092, 6.236, 16), ("04", "Manosque", "04112", "04100", 43.833, 5.786, 22),
    ("05", "Gap", "05061", "05000", 44.559, 6.079, 40),
    ("06", "Nice", "06088", "06000 06100 06200 06300", 43.710, 7.262, 342),
    ("06", "Cannes", "06029", "06400", 43.553, 7.017, 74), ("06", "Antibes", "06004", "06600", 43.581, 7.125, 73),
    ("06", "Grasse", "06069", "06130", 43.658, 6.923, 50),
    ("07", "Privas", "07186", "07000", 44.735, 4.599, 8), ("07", "Annonay", "07010", "07100", 45.240, 4.671, 17),
    ("07", "Aubenas", "07019", "07200", 44.620, 4.390, 12),
    ("08", "Charleville-Mézières", "08105", "08000", 49.762, 4.726, 46), ("08", "Sedan", "08409", "08200", 49.702, 4.940, 16),
    ("09", "Foix", "09122", "09000", 42.965, 1.607, 10), ("09", "Pamiers", "09225", "09100", 43.116, 1.611, 15),
    ("10", "Troyes", "10387", "10000", 48.297, 4.074, 62),
    ("11", "Carcassonne", "11069", "11000", 43.213, 2.351, 46), ("11", "Narbonne", "11262", "11100", 43.184, 3.004, 55),
    ("12", "Rodez", "12202", "12000", 44.350, 2.575, 25), ("12", "Millau", "12145", "12100", 44.098, 3.078, 22),
    ("13", "Marseille", "13055", " ".join("130%02d" % i for i in range(1, 17)), 43.2965, 5.3698, 870),
    ("13", "Aix-en-Provence", "13001", "13090 13100", 43.530, 5.447, 145),
    ("13", "Arles", "13004", "13200", 43.677, 4.631, 51), ("13", "Martigues", "13056", "13500", 43.405, 5.048, 49),
    ("14", "Caen", "14118", "14000", 49.183, -0.371, 106), ("14", "Lisieux", "14366", "14100", 49.146, 0.226, 20),
    ("14", "Bayeux", "14047", "14400", 49.276, -0.703, 13),
    ("15", "Aurillac", "15014", "15000", 44.926, 2.440, 26),
    ("16", "Angoulême", "16015", "16000", 45.648, 0.156, 42), ("16", "Cognac", "16102", "16100", 45.696, -0.329, 19),
    ("17", "La Rochelle", "17300", "17000", 46.160, -1.151, 77), ("17", "Saintes", "17415", "17100", 45.746, -0.633, 26),
    ("17", "Rochefort", "17299", "17300", 45.942, -0.962, 24),
    ("18", "Bourges", "18033", "18000", 47.081, 2.399, 64), ("18", "Vierzon", "18279", "18100", 47.222, 2.069, 26),
    ("19", "Tulle", "19272", "19000", 45.267, 1.771, 15),
    ("19", "Brive-la-Gaillarde", "19031", "19100", 45.159, 1.533, 46),
    ("2A", "Ajaccio", "2A004", "20000 20090", 41.919, 8.739, 72),
    ("2B", "Bastia", "2B033", "20200 20600", 42.697, 9.450, 48),
    ("21", "Dijon", "21231", "21000", 47.322, 5.041, 159), ("21", "Beaune", "21054", "21200", 47.026, 4.840, 20),
    ("22", "Saint-Brieuc", "22278", "22000", 48.514, -2.765, 44), ("22", "Lannion", "22113", "22300", 48.732, -3.456, 20),
    ("22", "Dinan", "22050", "22100", 48.455, -2.047, 14),
    ("23", "Guéret", "23096", "23000", 46.171, 1.871, 13),
    ("24", "Périgueux", "24322", "24000", 45.184, 0.721, 30), ("24", "Bergerac", "24037", "24100", 44.853, 0.483, 27),
    ("25", "Besançon", "25056", "25000", 47.238, 6.024, 119),
    ("25", "Montbéliard", "25388", "25200", 47.510, 6.798, 25), ("25", "Pontarlier", "25462", "25300", 46.904, 6.354, 18),
    ("26", "Valence", "26362", "26000", 44.933, 4.892, 64), ("26", "Montélimar", "26198", "26200", 44.558, 4.751, 40),
    ("26", "Romans-sur-Isère", "26281", "26100", 45.043, 5.051, 33),
    ("27", "Évreux", "27229", "27000", 49.024, 1.151, 47), ("27", "Vernon", "27681", "27200", 49.093, 1.485, 24),
    ("28", "Chartres", "28085", "28000", 48.446, 1.489, 38), ("28", "Dreux", "28134", "28100", 48.737, 1.366, 31),
    ("29", "Quimper", "29232", "29000", 47.996, -4.102, 63), ("29", "Brest", "29019", "29200", 48.390, -4.486, 140),
    ("29", "Morlaix", "29151", "29600", 48.577, -3.828, 15),
    ("30", "Nîmes", "30189", "30000 30900", 43.837, 4.360, 148), ("30", "Alès", "30007", "30100", 44.125, 4.081, 42),
    ("31", "Toulouse", "31555", "31000 31100 31200 31300 31400 31500", 43.6047, 1.4442, 500),
    ("31", "Colomiers", "31149", "31770", 43.611, 1.335, 40), ("31", "Muret", "31395", "31600", 43.462, 1.327, 26),
    ("31", "Saint-Gaudens", "31483", "31800", 43.108, 0.723, 11),
    ("32", "Auch", "32013", "32000", 43.646, 0.586, 22),
    ("33", "Bordeaux", "33063", "33000 33100 33200 33300 33800", 44.8378, -0.5792, 260),
    ("33", "Mérignac", "33281", "33700", 44.843, -0.645, 72), ("33", "Pessac", "33318", "33600", 44.806, -0.631, 65),
    ("33", "Libourne", "33243", "33500", 44.915, -0.244, 25), ("33", "Arcachon", "33009", "33120", 44.658, -1.168, 11),
    ("34", "Montpellier", "34172", "34000 34070 34080 34090", 43.6108, 3.8767, 300),
    ("34", "Béziers", "34032", "34500", 43.344, 3.216, 79), ("34", "Sète", "34301", "34200", 43.403, 3.693, 44),
    ("35", "Rennes", "35238", "35000 35200 35700", 48.1173, -1.6778, 222),
    ("35", "Saint-Malo", "35288", "35400", 48.649, -2.026, 47), ("35", "Fougères", "35115", "35300", 48.352, -1.199, 20),
    ("35", "Vitré", "35360", "35500", 48.124, -1.209, 19),
    ("36", "Châteauroux", "36044", "36000", 46.811, 1.691, 43), ("36", "Issoudun", "36088", "36100", 46.949, 1.993, 11),
    ("37", "Tours", "37261", "37000 37100 37200", 47.394, 0.685, 137),
    ("37", "Joué-lès-Tours", "37122", "37300", 47.352, 0.663, 38), ("37", "Amboise", "37003", "37400", 47.412, 0.983, 13),
    ("38", "Grenoble", "38185", "38000 38100", 45.1885, 5.7245, 158), ("38", "Vienne", "38544", "38200", 45.525, 4.874, 30),
    ("38", "Bourgoin-Jallieu", "38053", "38300", 45.586, 5.274, 29), ("38", "Voiron", "38563", "38500", 45.364, 5.589, 20),
    ("39", "Lons-le-Saunier", "39300", "39000", 46.675, 5.555, 17), ("39", "Dole", "39198", "39100", 47.093, 5.490, 24),
    ("40", "Mont-de-Marsan", "40192", "40000", 43.890, -0.499, 30), ("40", "Dax", "40088", "40100", 43.710, -1.053, 21),
    ("41", "Blois", "41018", "41000", 47.586, 1.335, 46), ("41", "Vendôme", "41269", "41100", 47.793, 1.066, 16),
    ("42", "Saint-Étienne", "42218", "42000 42100", 45.4397, 4.3872, 173),
    ("42", "Roanne", "42187", "42300", 46.036, 4.068, 34), ("42", "Montbrison", "42147", "42600", 45.607, 4.065, 16),
    ("43", "Le Puy-en-Velay", "43157", "43000", 45.043, 3.885, 19),
    ("44", "Nantes", "44109", "44000 44100 44200 44300", 47.2184, -1.5536, 320),
    ("44", "Saint-Nazaire", "44184", "44600", 47.273, -2.214, 72), ("44", "Rezé", "44143", "44400", 47.181, -1.550, 43),
    ("45", "Orléans", "45234", "45000 45100", 47.903, 1.909, 117),
    ("45", "Montargis", "45208", "45200", 47.998, 2.733, 14),
    ("46", "Cahors", "46042", "46000", 44.447, 1.441, 20), ("46", "Figeac", "46102", "46100", 44.609, 2.032, 10),
    ("47", "Agen", "47001", "47000", 44.203, 0.616, 32),
    ("47", "Villeneuve-sur-Lot", "47323", "47300", 44.408, 0.705, 22),
    ("48", "Mende", "48095", "48000", 44.518, 3.501, 12),
    ("49", "Angers", "49007", "49000 49100", 47.4784, -0.5632, 157), ("49", "Cholet", "49099", "49300", 47.060, -0.879, 54),
    ("49", "Saumur", "49328", "49400", 47.260, -0.077, 26),
    ("50", "Saint-Lô", "50502", "50000", 49.116, -1.091, 19),
    ("50", "Cherbourg-en-Cotentin", "50129", "50100", 49.639, -1.616, 78),
    ("50", "Granville", "50218", "50400", 48.838, -1.597, 13),
    ("51", "Châlons-en-Champagne", "51108", "51000", 48.957, 4.363, 44),
    ("51", "Reims", "51454", "51100", 49.2583, 4.0317, 180), ("51", "Épernay", "51230", "51200", 49.040, 3.960, 22),
    ("52", "Chaumont", "52121", "52000", 48.111, 5.139, 22), ("52", "Saint-Dizier", "52448", "52100", 48.638, 4.949, 23),
    ("53", "Laval", "53130", "53000", 48.073, -0.770, 50),
    ("54", "Nancy", "54395", "54000 54100", 48.6921, 6.1844, 104), ("54", "Lunéville", "54329", "54300", 48.589, 6.496, 18),
    ("55", "Bar-le-Duc", "55029", "55000", 48.773, 5.160, 15), ("55", "Verdun", "55545", "55100", 49.160, 5.384, 17),
    ("56", "Vannes", "56260", "56000", 47.658, -2.760, 54), ("56", "Lorient", "56121", "56100", 47.748, -3.370, 57),
    ("56", "Pontivy", "56178", "56300", 48.068, -2.963, 15),
    ("57", "Metz", "57463", "57000 57050 57070", 49.1193, 6.1757, 120),
    ("57", "Thionville", "57672", "57100", 49.358, 6.168, 41), ("57", "Forbach", "57227", "57600", 49.188, 6.896, 21),
    ("57", "Sarreguemines", "57631", "57200", 49.110, 7.069, 20),
    ("58", "Nevers", "58194", "58000", 46.990, 3.159, 33),
    ("59", "Lille", "59350", "59000 59160 59260 59800", 50.6292, 3.0573, 235),
    ("59", "Roubaix", "59512", "59100", 50.690, 3.181, 98), ("59", "Tourcoing", "59599", "59200", 50.724, 3.161, 98),
    ("59", "Dunkerque", "59183", "59140 59240 59640", 51.034, 2.377, 87),
    ("59", "Valenciennes", "59606", "59300", 50.357, 3.523, 43),
    ("59", "Villeneuve-d'Ascq", "59009", "59650", 50.623, 3.145, 62), ("59", "Douai", "59178", "59500", 50.370, 3.080, 40),
    ("59", "Maubeuge", "59392", "59600", 50.278, 3.973, 29),
    ("60", "Beauvais", "60057", "60000", 49.430, 2.081, 56), ("60", "Compiègne", "60159", "60200", 49.418, 2.826, 41),
    ("60", "Creil", "60175", "60100", 49.259, 2.477, 36),
    ("61", "Alençon", "61001", "61000", 48.432, 0.091, 26), ("61", "Flers", "61169", "61100", 48.749, -0.569, 15),
    ("62", "Arras", "62041", "62000", 50.291, 2.778, 41), ("62", "Calais", "62193", "62100", 50.951, 1.858, 67),
    ("62", "Boulogne-sur-Mer", "62160", "62200", 50.726, 1.614, 40), ("62", "Lens", "62498", "62300", 50.432, 2.833, 31),
    ("62", "Béthune", "62119", "62400", 50.530, 2.640, 25),
    ("63", "Clermont-Ferrand", "63113", "63000 63100", 45.7772, 3.0870, 147),
    ("63", "Riom", "63300", "63200", 45.894, 3.113, 19), ("63", "Issoire", "63178", "63500", 45.544, 3.249, 15),
    ("64", "Pau", "64445", "64000", 43.295, -0.371, 76), ("64", "Bayonne", "64102", "64100", 43.493, -1.475, 52),
    ("64", "Biarritz", "64122", "64200", 43.483, -1.559, 25),
    ("65", "Tarbes", "65440", "65000", 43.232, 0.078, 42), ("65", "Lourdes", "65286", "65100", 43.095, -0.046, 13),
    ("66", "Perpignan", "66136", "66000 66100", 42.6887, 2.8948, 120),
    ("67", "Strasbourg", "67482", "67000 67100 67200", 48.5734, 7.7521, 287),
    ("67", "Haguenau", "67180", "67500", 48.816, 7.790, 35), ("67", "Sélestat", "67462", "67600", 48.259, 7.454, 19),
    ("68", "Colmar", "68066", "68000", 48.079, 7.358, 68), ("68", "Mulhouse", "68224", "68100 68200", 47.750, 7.336, 108),
    ("69", "Lyon", "69123", " ".join("6900%d" % i for i in range(1, 10)), 45.7640, 4.8357, 522),
    ("69", "Villeurbanne", "69266", "69100", 45.767, 4.880, 155), ("69", "Vénissieux", "69259", "69200", 45.697, 4.886, 67),
    ("69", "Villefranche-sur-Saône", "69264", "69400", 45.989, 4.719, 37),
    ("70", "Vesoul", "70550", "70000", 47.622, 6.155, 15),
    ("71", "Mâcon", "71270", "71000", 46.306, 4.828, 34), ("71", "Chalon-sur-Saône", "71076", "71100", 46.781, 4.854, 45),
    ("71", "Le Creusot", "71153", "71200", 46.801, 4.424, 21),
    ("72", "Le Mans", "72181", "72000 72100", 48.0061, 0.1996, 143), ("72", "La Flèche", "72154", "72200", 47.698, -0.076, 15),
    ("73", "Chambéry", "73065", "73000", 45.564, 5.918, 60), ("73", "Aix-les-Bains", "73008", "73100", 45.688, 5.915, 31),
    ("73", "Albertville", "73011", "73200", 45.676, 6.392, 19),
    ("74", "Annecy", "74010", "74000 74370 74600 74940 74960", 45.899, 6.129, 130),
    ("74", "Thonon-les-Bains", "74281", "74200", 46.371, 6.479, 36), ("74", "Annemasse", "74012", "74100", 46.193, 6.234, 37),
    ("75", "Paris", "75056", " ".join("750%02d" % i for i in range(1, 21)), 48.8566, 2.3522, 2130),
    ("76", "Rouen", "76540", "76000 76100", 49.4431, 1.0993, 112),
    ("76", "Le Havre", "76351", "76600 76610 76620", 49.494, 0.108, 167), ("76", "Dieppe", "76217", "76200", 49.922, 1.078, 28),
    ("77", "Melun", "77288", "77000", 48.539, 2.660, 41), ("77", "Meaux", "77284", "77100", 48.960, 2.879, 56),
    ("77", "Chelles", "77108", "77500", 48.879, 2.591, 55), ("77", "Fontainebleau", "77186", "77300", 48.405, 2.701, 15),
    ("78", "Versailles", "78646", "78000", 48.805, 2.120, 84), ("78", "Sartrouville", "78586", "78500", 48.937, 2.164, 52),
    ("78", "Mantes-la-Jolie", "78361", "78200", 48.991, 1.717, 44),
    ("78", "Saint-Germain-en-Laye", "78551", "78100", 48.898, 2.094, 46),
    ("79", "Niort", "79191", "79000", 46.323, -0.464, 59), ("79", "Bressuire", "79049", "79300", 46.840, -0.488, 20),
    ("80", "Amiens", "80021", "80000 80080 80090", 49.894, 2.296, 134), ("80", "Abbeville", "80001", "80100", 50.106, 1.834, 23),
    ("81", "Albi", "81004", "81000", 43.929, 2.148, 49), ("81", "Castres", "81065", "81100", 43.606, 2.241, 42),
    ("82", "Montauban", "82121", "82000", 44.018, 1.355, 61),
    ("83", "Toulon", "83137", "83000 83100 83200", 43.124, 5.928, 180), ("83", "Fréjus", "83061", "83600", 43.433, 6.737, 55),
    ("83", "Hyères", "83069", "83400", 43.120, 6.130, 56), ("83", "Draguignan", "83050", "83300", 43.536, 6.465, 40),
    ("84", "Avignon", "84007", "84000", 43.949, 4.806, 91), ("84", "Carpentras", "84031", "84200", 44.055, 5.048, 29),
    ("84", "Orange", "84087", "84100", 44.138, 4.808, 28),
    ("85", "La Roche-sur-Yon", "85191", "85000", 46.670, -1.426, 55),
    ("85", "Les Sables-d'Olonne", "85194", "85100", 46.497, -1.783, 48),
    ("86", "Poitiers", "86194", "86000", 46.580, 0.340, 89), ("86", "Châtellerault", "86066", "86100", 46.817, 0.546, 32),
    ("87", "Limoges", "87085", "87000 87100 87280", 45.834, 1.261, 130),
    ("88", "Épinal", "88160", "88000", 48.172, 6.449, 32), ("88", "Saint-Dié-des-Vosges", "88413", "88100", 48.285, 6.949, 19),
    ("89", "Auxerre", "89024", "89000", 47.798, 3.567, 35), ("89", "Sens", "89387", "89100", 48.197, 3.283, 27),
    ("90", "Belfort", "90010", "90000", 47.640, 6.864, 46),
    ("91", "Évry-Courcouronnes", "91228", "91000 91080", 48.629, 2.441, 67),
    ("91", "Corbeil-Essonnes", "91174", "91100", 48.614, 2.482, 51), ("91", "Massy", "91377", "91300", 48.730, 2.271, 53),
    ("92", "Nanterre", "92050", "92000", 48.892, 2.207, 96),
    ("92", "Boulogne-Billancourt", "92012", "92100", 48.840, 2.240, 121), ("92", "Colombes", "92025", "92700", 48.923, 2.252, 86),
    ("93", "Bobigny", "93008", "93000", 48.908, 2.440, 55), ("93", "Saint-Denis", "93066", "93200 93210", 48.936, 2.357, 113),
    ("93", "Montreuil", "93048", "93100", 48.861, 2.443, 111), ("93", "Aubervilliers", "93001", "93300", 48.914, 2.383, 88),
    ("94", "Créteil", "94028", "94000", 48.790, 2.455, 92), ("94", "Vitry-sur-Seine", "94081", "94400", 48.788, 2.393, 95),
    ("94", "Champigny-sur-Marne", "94017", "94500", 48.817, 2.515, 77), ("94", "Ivry-sur-Seine", "94041", "94200", 48.813, 2.384, 63),
    ("95", "Cergy", "95127", "95000 95800", 49.036, 2.076, 66), ("95", "Argenteuil", "95018", "95100", 48.947, 2.248, 111),
    ("95", "Sarcelles", "95585", "95200", 48.997, 2.378, 58),
    ("971", "Basse-Terre", "97105", "97100", 15.998, -61.726, 10), ("971", "Les Abymes", "97101", "97139", 16.271, -61.504, 53),
    ("971", "Pointe-à-Pitre", "97120", "97110", 16.241, -61.533, 15),
    ("972", "Fort-de-France", "97209", "97200", 14.616, -61.059, 77), ("972", "Le Lamentin", "97213", "97232", 14.613, -60.999, 40),
    ("973", "Cayenne", "97302", "97300", 4.922, -52.314, 63), ("973", "Saint-Laurent-du-Maroni", "97311", "97320", 5.498, -54.031, 47),
    ("973", "Kourou", "97304", "97310", 5.159, -52.650, 25),
    ("974", "Saint-Denis", "97411", "97400 97490", -20.882, 55.450, 153), ("974", "Saint-Pierre", "97416", "97410", -21.339, 55.478, 85),
    ("974", "Saint-Paul", "97415", "97460", -21.010, 55.270, 105), ("974", "Le Tampon", "97422", "97430", -21.278, 55.517, 80),
    ("976", "Mamoudzou", "97611", "97600", -12.781, 45.228, 71), ("976", "Koungou", "97610", "97690", -12.734, 45.204, 32),
]

# --------------------------------------------------------------------------------------------
# Invented commune names, in the style of their region.
# --------------------------------------------------------------------------------------------

NAME_STYLES = {
    "generic": (["Beau", "Mont", "Vil", "Roche", "Font", "Char", "Ver", "Mar", "Cour", "Val", "Bois", "Châtel", "Sau",
                 "Ber", "Sal", "Chan", "Mé", "Bri", "Lor", "Ger", "Sen", "Au", "Cler", "Pré", "Bel"],
                ["ville", "court", "mont", "ay", "y", "ey", "ieu", "ières", "euil", "et", "ois", "on", "ange", "eux",
                 "ignac", "ans", "erre", "igny", "illy", "ancy"]),
    "breton": (["Plou", "Ker", "Lan", "Tré", "Plé", "Lo", "Pon", "Guer", "Quer", "Pen", "Lann", "Gui"],
               ["ec", "an", "gat", "nével", "meur", "ven", "hoat", "dern", "gonven", "ven", "arzel", "aouen"]),
    "east": (["Ober", "Nieder", "Mar", "Hom", "Wal", "Bisch", "Froe", "Hoch", "Sar", "Bou", "Fal", "Vo"],
             ["heim", "willer", "ange", "hausen", "bach", "court", "ville", "dorf", "ing", "viller"]),
    "north": (["Ar", "Hau", "Wa", "Bou", "Hon", "Ca", "Fle", "Ma", "Ver", "Esque", "Hal", "Ron"],
              ["court", "ghem", "inghem", "mes", "ville", "ies", "ain", "chies", "rin", "lin"]),
    "norman": (["Beuze", "Yve", "Quette", "Clé", "Bol", "Cau", "Octe", "Tour", "Hon", "Saint-Ma", "Crique", "Ha"],
               ["ville", "bec", "tot", "beuf", "fleur", "ville-la-Campagne", "dalle", "mare", "ouet"]),
    "south": (["Cas", "Mont", "Mar", "Lab", "Saint-Ju", "Vil", "Caba", "Roque", "Puy", "Lav", "Sal", "Bar", "Aig"],
              ["ac", "argues", "an", "as", "ène", "ouse", "ade", "ens", "ols", "ières", "agnac", "erre"]),
    "corsican": (["Ca", "Pie", "Santa-", "Vico", "Zo", "Mo", "Ol", "Sar", "Pro", "Ghi", "Lu", "Pe"],
                 ["lvi", "dicroce", "ncia", "za", "lta", "riana", "tene", "ppo", "sani", "ri", "tola"]),
    "creole": (["Anse-", "Morne-", "Gros-", "Petit-", "Trois-", "Rivière-", "Sainte-", "Bois-", "Case-"],
               ["Bertrand", "Rouge", "Pilote", "Canal", "Salée", "Vert", "Îlets", "Sable", "Lézard", "Noire"]),
}
SAINTS = ["Martin", "Pierre", "Jean", "Germain", "Laurent", "Étienne", "Julien", "Hilaire", "Denis", "Georges",
          "Aubin", "Médard", "Rémy", "Sauveur", "Vincent", "Michel", "Paul"]
SAINTES = ["Marie", "Anne", "Foy", "Geneviève", "Colombe", "Croix", "Hélène", "Marguerite"]
RIVERS = {
    "ARA": ["Loire", "Rhône", "Allier", "Isère", "Ain", "Ardèche"], "BFC": ["Saône", "Doubs", "Yonne", "Loue"],
    "BRE": ["Rance", "Vilaine", "Oust", "Blavet"], "CVL": ["Loire", "Cher", "Indre", "Loir", "Eure"],
    "COR": ["Golo", "Tavignano"], "GES": ["Meuse", "Moselle", "Marne", "Aube", "Sarre"],
    "HDF": ["Somme", "Oise", "Aisne", "Lys", "Escaut"], "IDF": ["Seine", "Marne", "Oise", "Yerres", "Orge"],
    "NOR": ["Orne", "Vire", "Risle", "Andelle", "Seine"], "NAQ": ["Dordogne", "Vienne", "Charente", "Lot", "Adour"],
    "OCC": ["Tarn", "Garonne", "Aude", "Hérault", "Lot", "Ariège"], "PDL": ["Loire", "Sarthe", "Mayenne", "Erdre"],
    "PAC": ["Durance", "Var", "Argens", "Verdon"],
}
ADDONS = ["-les-Bains", "-le-Château", "-la-Forêt", "-le-Vieux", "-la-Rivière", "-en-Plaine", "-les-Vignes"]


def invent_commune_name(rng, region):
    """An invented commune name that sounds like one of `region`."""
    style = REGIONS[region][2]
    starts, ends = NAME_STYLES[style]
    if style == "creole":
        return rng.choice(starts) + rng.choice(ends)
    roll = rng.random()
    if roll < 0.12:
        base = "Saint-" + rng.choice(SAINTS)
    elif roll < 0.17:
        base = "Sainte-" + rng.choice(SAINTES)
    else:
        base = rng.choice(starts) + rng.choice(ends)
        if rng.random() < 0.12:
            base = rng.choice(["Le ", "La ", "Les "]) + base
    roll = rng.random()
    if roll < 0.12 and region in RIVERS:
        base += "-sur-" + rng.choice(RIVERS[region])
    elif roll < 0.18:
        base += rng.choice(ADDONS)
    return base


# --------------------------------------------------------------------------------------------
# Texts: names of places, streets, hours, presentations.
# --------------------------------------------------------------------------------------------

# (typologie codes of data.inclusion, pattern of the place's name, weight)
KINDS = [
    ("BIB", "Médiathèque {commune}", 16),
    ("BIB", "Bibliothèque municipale {of_commune}", 5),
    ("RFS", "France Services {of_commune}", 12),
    ("CCAS", "CCAS {of_commune}", 8),
    ("CS", "Centre social {quartier}", 10),
    ("EPN", "Espace public numérique {of_commune}", 10),
    ("MUNI", "Mairie {of_commune} - point numérique", 6),
    ("ASSO", "{asso}", 10),
    ("TIERS_LIEUX|ASSO", "Tiers-lieu {tiers}", 5),
    ("MQ", "Maison de quartier {quartier}", 4),
    ("ML", "Mission Locale {of_commune}", 3),
    ("PIMMS", "PIMMS Médiation {commune}", 2),
    ("FABLAB", "Fablab {tiers}", 2),
    ("MJC", "MJC {of_commune}", 3),
    ("LA_POSTE", "La Poste {of_commune} - espace numérique", 2),
    ("ENM", "Bus numérique {dept}", 2),
]
QUARTIERS = ["des Tilleuls", "du Centre", "Les Hauts", "de la Gare", "Jean Jaurès", "Victor Hugo", "du Parc",
             "des Peupliers", "Pasteur", "du Moulin", "Louise Michel", "des Acacias", "Bellevue", "du Port",
             "Simone Veil", "Aimé Césaire", "des Coteaux", "Nelson Mandela"]
ASSOS = ["Connexions solidaires", "Clic & Lien", "Les Octets", "Numérique pour tous", "Le Fil d'Ariane",
         "Entr'aide numérique", "Pixels solidaires", "La Souris verte", "Cyber-Seniors", "Passerelles",
         "Les Claviers du cœur", "Tremplin numérique", "Lien social et numérique", "Écrans partagés"]
TIERS = ["La Fabrique", "L'Atelier", "La Ruche", "Le Hangar", "La Grange", "Le Comptoir", "La Coopérative",
         "L'Établi", "Le Local", "La Verrière"]
STREET_TYPES = ["rue", "rue", "rue", "avenue", "place", "boulevard", "allée", "chemin", "impasse", "quai",
                "route", "cours", "square"]
STREET_NAMES = ["de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Pasteur",
                "des Écoles", "de la Mairie", "de la Gare", "du Moulin", "des Tilleuls", "Jean Moulin",
                "de la Paix", "Gambetta", "du Stade", "de l'Église", "des Lilas", "Voltaire", "Émile Zola",
                "de la Libération", "du 8 Mai 1945", "Louise Michel", "Marie Curie", "des Acacias",
                "du Maréchal Foch", "Anatole France", "de Verdun", "des Frères Lumière", "Simone Veil",
                "du Château", "des Jardins", "Nationale", "de la Fontaine", "du Marché", "Jules Ferry"]
COMPLEMENTS = ["Bâtiment B", "1er étage", "Rez-de-chaussée", "Entrée par la cour", "Dans la médiathèque",
               "Salle 3", "Au fond du couloir à gauche", "Espace Jean Vilar", "Porte 2", "Résidence Les Pins",
               "Centre commercial, niveau 1", "Annexe de la mairie"]
SOURCES = ["Hub numérique {region}", "Conseil départemental {dept}", "Cartographie nationale",
           "Ville {of_commune}", "Auto-déclaration", "Réseau des médiathèques {dept}"]
PARENTS = ["Ville {of_commune}", "Communauté de communes {cc}", "Conseil départemental {dept}",
           "Emmaüs Connect", "CAF {dept}", "Réseau France Services", "Association {asso}"]
OTHER_LABELS = ["Label Numérique Inclusif", "PIX Orga", "Passeport numérique", "Charte Seniors connectés",
                "Label Bienvenue", "Cap Numérique"]
RESUMES = [
    "Accompagnement gratuit aux démarches en ligne et à l'usage du smartphone, sur rendez-vous ou en accès libre.",
    "Nous aidons les habitants {of_commune} à utiliser un ordinateur, internet et les services publics en ligne.",
    "Ateliers collectifs d'initiation au numérique et permanences individuelles pour les démarches administratives.",
    "Un espace équipé d'ordinateurs en libre accès, avec un conseiller numérique pour vous accompagner.",
    "Lieu d'accueil et d'orientation : démarches CAF, impôts, santé, emploi. Aide à la création de comptes en ligne.",
    "Ateliers pour les seniors : tablette, visio avec la famille, photos, sécurité sur internet.",
    "Permanence numérique itinérante dans les communes du territoire, avec matériel et connexion.",
    "Vente d'ordinateurs reconditionnés à prix solidaire et ateliers de prise en main.",
]
DETAILS = [
    "Nos conseillers numériques vous reçoivent en individuel ou en petit groupe.",
    "Pensez à apporter vos identifiants et vos justificatifs pour les démarches en ligne.",
    "Des ateliers thématiques ont lieu chaque semaine : messagerie, smartphone, sécurité, recherche d'emploi.",
    "L'accès aux ordinateurs est libre pendant les heures d'ouverture, une imprimante est disponible.",
    "Les ateliers sont ouverts à tous, sans condition de résidence.",
    "Une permanence d'écrivain public complète l'accompagnement numérique le mardi.",
    "Le lieu est accessible aux personnes à mobilité réduite ; une boucle magnétique équipe l'accueil.",
    "Les enfants peuvent être accueillis dans l'espace jeunesse pendant l'accompagnement des parents.",
]


def of(name):
    """French "de" before a name: "de Lille", "d'Arles", "du Havre", "des Sables-d'Olonne"."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    if name[0] in "AEIOUYÂÉÈÊÎÔ":
        return "d'" + name
    return "de " + name


def slugify(text):
    """ASCII lowercase words joined by hyphens: "Médiathèque d'Arles" -> "mediatheque-d-arles"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def pick_some(rng, values, low, high, weights=None):
    """Between `low` and `high` distinct values (fewer more often), kept in the order of
    `values`, joined by `|`."""
    count = low + int((high - low + 1) * rng.random() ** 1.5)
    chosen = set()
    while len(chosen) < min(count, len(values)):
        chosen.add(rng.choices(range(len(values)), weights=weights)[0])
    return "|".join(values[i] for i in sorted(chosen))


# Days and times of opening, as OpenStreetMap writes them.
DAY_SETS = [("Mo-Fr", 30), ("Tu-Sa", 12), ("Mo-Sa", 6), ("Mo,Tu,Th,Fr", 8), ("Tu-Fr", 8), ("Mo-Th", 5),
            ("Mo,We,Fr", 5), ("Tu,Th", 5), ("We", 3), ("Sa", 2)]
MORNINGS = ["08:30-12:00", "08:30-12:30", "09:00-12:00", "09:00-12:30", "09:30-12:00", "10:00-12:00",
            "10:00-12:30"]
AFTERNOONS = ["13:30-17:00", "13:30-17:30", "14:00-17:00", "14:00-17:30", "14:00-18:00", "14:00-18:30",
              "13:00-16:30"]
FULL_DAYS = ["09:00-17:00", "09:00-18:00", "10:00-18:00", "08:30-16:30", "09:30-19:00"]


def opening_hours(rng, kind):
    """A realistic `horaires` value in OSM opening_hours syntax."""
    if kind == "ENM":  # a bus: a few half-days, each in another village
        days = rng.sample(["Mo", "Tu", "We", "Th", "Fr"], rng.randint(2, 4))
        order = ["Mo", "Tu", "We", "Th", "Fr"]
        return "; ".join(
            f"{d} {rng.choice(MORNINGS if rng.random() < 0.5 else AFTERNOONS)}"
            for d in sorted(days, key=order.index)
        )
    roll = rng.random()
    if roll < 0.01:
        return "24/7" if rng.random() < 0.4 else "Mo-Su 08:00-20:00"
    days = rng.choices([d for d, _ in DAY_SETS], weights=[w for _, w in DAY_SETS])[0]
    style = rng.random()
    if style < 0.45:
        times = f"{rng.choice(MORNINGS)},{rng.choice(AFTERNOONS)}"  # lunch break
    elif style < 0.65:
        times = rng.choice(FULL_DAYS)
    elif style < 0.82:
        times = rng.choice(AFTERNOONS)
    else:
        times = rng.choice(MORNINGS)
    rules = [f"{days} {times}"]
    # A second, different rule: Saturday morning, a short Wednesday, a monthly permanence...
    extra = rng.random()
    if extra < 0.25 and "Sa" not in days:
        rules.append(f"Sa {rng.choice(MORNINGS)}")
    elif extra < 0.35 and days == "Mo-Fr":
        rules.append(f"We {rng.choice(MORNINGS)}")  # later rule replaces Wednesday
    elif extra < 0.40:
        rules.append(f"week 1-53/2 Sa {rng.choice(MORNINGS)}")
    elif extra < 0.44:
        rules.append(f"Th[1] {rng.choice(AFTERNOONS)}")
    # Seasons and holidays.
    season = rng.random()
    if season < 0.06:
        rules.append(f"Jul,Aug {days} {rng.choice(MORNINGS)}")
    elif season < 0.12:
        rules.append("Aug off")
    elif season < 0.15:
        rules.append("Dec 24-Jan 01 off")
    elif season < 0.17:
        rules = [f"Sep-Jun {r}" for r in rules] + ["Jul,Aug off"]
    if rng.random() < 0.4:
        rules.append("PH off")
    if rng.random() < 0.04:
        rules[0] += ' "sur rendez-vous"'
    return "; ".join(rules)


# --------------------------------------------------------------------------------------------
# Generation.
# --------------------------------------------------------------------------------------------


class Departement:
    """A département, its larger towns, and the communes invented for it while generating."""

    def __init__(self, code, name, region, lat, lon, spread, population):
        self.code, self.name, self.region = code, name, region
        self.lat, self.lon, self.spread, self.population = lat, lon, spread, population
        self.towns = [t for t in TOWNS if t[0] == code]
        self.invented = []  # [name, insee, postcode, lat, lon, places so far]
        self.used_names = {t[1] for t in self.towns}
        self.used_insee = {t[2] for t in self.towns}
        self.used_postcodes = {p for t in self.towns for p in t[3].split()}

    def town_share(self):
        """Which part of the département's places go to its larger towns."""
        if self.code == "75":
            return 1.0  # Paris is one commune
        in_towns = sum(t[6] for t in self.towns)
        return min(0.9, 0.25 + 1.3 * in_towns / self.population)

    def new_commune(self, rng):
        """Invent a commune with a name, INSEE code, postcode and position in this département."""
        for _ in range(50):
            name = invent_commune_name(rng, self.region)
            if name not in self.used_names:
                break
        else:
            name = f"{name} {len(self.invented) + 2}"
        self.used_names.add(name)
        if len(self.code) == 3:  # overseas: 971 + 2 digits
            insee = self._unused(self.used_insee, lambda: f"{self.code}{rng.randint(1, 99):02d}")
            postcode = self._unused(self.used_postcodes, lambda: f"{self.code}{rng.randint(1, 9)}0")
        else:
            insee = self._unused(self.used_insee, lambda: f"{self.code}{rng.randint(1, 899):03d}")
            if self.code == "2A":
                postcode = f"201{rng.randint(0, 9)}0"
            elif self.code == "2B":
                postcode = f"202{rng.randint(0, 9)}0"
            else:
                postcode = f"{self.code}{rng.randint(1, 99) * 10:03d}"
        lat = self.lat + max(-2, min(2, rng.gauss(0, 1))) * self.spread
        lon = self.lon + max(-2, min(2, rng.gauss(0, 1))) * self.spread / math.cos(math.radians(self.lat))
        commune = [name, insee, postcode, lat, lon, 0]
        self.invented.append(commune)
        return commune

    @staticmethod
    def _unused(used, draw):
        """A value from `draw()` not in `used` (unless the space is full), then marked used."""
        for _ in range(200):
            value = draw()
            if value not in used:
                break
        used.add(value)
        return value

    def pick_commune(self, rng):
        """(name, insee, postcode, lat, lon, spread around it) for the next place."""
        if self.towns and rng.random() < self.town_share():
            town = rng.choices(self.towns, weights=[t[6] ** 1.1 for t in self.towns])[0]
            _, name, insee, postcodes, lat, lon, pop = town
            # About 3 km either way in Paris; less on islands, where towns are on the coast.
            spread = min(0.03 if len(self.code) == 2 else 0.01, 0.0025 * math.sqrt(pop))
            return name, insee, rng.choice(postcodes.split()), lat, lon, spread
        # Pitman-Yor draw: a new commune with probability (a + d*K) / (n + a), else an existing
        # one in proportion to (places - d). Many communes keep 1-3 places, a few get more.
        a, d = 3.0, 0.75
        placed = sum(c[5] for c in self.invented)
        k = len(self.invented)
        if rng.random() < (a + d * k) / (placed + a):
            commune = self.new_commune(rng)
        else:
            commune = rng.choices(self.invented, weights=[c[5] - d for c in self.invented])[0]
        commune[5] += 1
        name, insee, postcode, lat, lon, _ = commune
        return name, insee, postcode, lat, lon, 0.01


def luhn_ok(digits):
    """Whether a string of digits passes the Luhn check (as SIREN and SIRET numbers do)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def fake_siret(rng):
    """14 digits passing the Luhn check like a SIRET (not meant to exist)."""
    while True:
        digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(13))
        if luhn_ok(digits):
            return digits


def fake_phone(rng, region):
    zone = REGIONS[region][1] if rng.random() < 0.8 else "6"
    return f"+33{FICTION_PHONE[zone]}{rng.randint(0, 9999):04d}"


def maybe(rng, probability, make):
    """`make()` with this probability, else the empty string (an empty cell)."""
    return make() if rng.random() < probability else ""


def make_place(rng, number, dept, until):
    """The cells of one place (a dict by column name) in département `dept`."""
    commune, insee, postcode, lat, lon, spread = dept.pick_commune(rng)
    kind, pattern, _ = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
    name = pattern.format(commune=commune, of_commune=of(commune), quartier=rng.choice(QUARTIERS),
                          asso=rng.choice(ASSOS), tiers=rng.choice(TIERS), dept=dept.name)
    if kind in ("ASSO", "TIERS_LIEUX|ASSO", "FABLAB") and rng.random() < 0.6:
        name = f"{name} - {commune}"
    slug = slugify(name if commune in name else f"{name} {commune}")[:60].strip("-")
    region_name = REGIONS[dept.region][0]
    roaming = kind == "ENM"

    number_in_street = rng.choices([str(rng.randint(1, 180)), f"{rng.randint(1, 60)} bis",
                                    f"{rng.randint(1, 40)} ter", ""], weights=[85, 7, 2, 6])[0]
    address = f"{number_in_street} {rng.choice(STREET_TYPES)} {rng.choice(STREET_NAMES)}".strip()
    if rng.random() < 0.08:
        address = address.upper()  # as the national address base writes them

    services = pick_some(rng, SERVICES, 1, 5, weights=[30, 30, 12, 12, 6, 8, 10, 20, 4])
    if rng.random() < 0.6:
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    else:
        pid = f"lieu-{dept.code.lower()}-{number:06d}"
    days_back = int(rng.triangular(0, 900, 30))

    row = {
        "id": pid,
        "pivot": fake_siret(rng) if rng.random() < 0.85 else f"W{rng.randint(10**8, 10**9 - 1)}",
        "nom": name,
        "commune": commune,
        "code_postal": postcode,
        "code_insee": maybe(rng, 0.9, lambda: insee),
        "adresse": address,
        "complement_adresse": maybe(rng, 0.25, lambda: rng.choice(COMPLEMENTS)),
        "latitude": "",
        "longitude": "",
        "typologie": maybe(rng, 0.9, lambda: kind),
        "telephone": maybe(rng, 0.85, lambda: fake_phone(rng, dept.region)),
        "courriels": maybe(rng, 0.8, lambda: f"contact.{slug}@example.org"
                           + (f"|accueil.{slug}@example.org" if rng.random() < 0.1 else "")),
        "site_web": maybe(rng, 0.6, lambda: f"https://example.org/{slug}"
                          + (f"|https://social.example.org/@{slug[:20]}" if rng.random() < 0.15 else "")),
        "horaires": maybe(rng, 0.92, lambda: opening_hours(rng, kind)),
        "presentation_resume": maybe(rng, 0.7, lambda: rng.choice(RESUMES).format(of_commune=of(commune))[:280]),
        "presentation_detail": maybe(rng, 0.45, lambda: ("\n" if rng.random() < 0.05 else " ").join(
            rng.sample(DETAILS, rng.randint(1, 4)))),
        "source": maybe(rng, 0.85, lambda: rng.choice(SOURCES).format(region=region_name, dept=dept.name,
                                                                      of_commune=of(commune))),
        "itinerance": "Itinérant" if roaming else maybe(
            rng, 0.8, lambda: rng.choices(["Fixe", "Itinérant|Fixe"], weights=[96, 4])[0]),
        "structure_parente": maybe(rng, 0.4, lambda: rng.choice(PARENTS).format(
            of_commune=of(commune), dept=dept.name, cc=f"du Pays {of(commune)}", asso=rng.choice(ASSOS))),
        "date_maj": (until - datetime.timedelta(days=days_back)).isoformat(),
        "services": services,
        "publics_specifiquement_adresses": maybe(rng, 0.25, lambda: pick_some(rng, PUBLICS, 1, 2)),
        "prise_en_charge_specifique": maybe(rng, 0.4, lambda: pick_some(
            rng, PRISE_EN_CHARGE, 1, 3, weights=[10, 20, 8, 15, 15, 10, 8])),
        "frais_a_charge": maybe(rng, 0.95, lambda: rng.choices(
            ["Gratuit", "Gratuit sous condition", "Payant", "Gratuit|Payant", "Gratuit sous condition|Payant"],
            weights=[65, 18, 4, 9, 4])[0]),
        "dispositif_programmes_nationaux": maybe(rng, 0.5, lambda: pick_some(
            rng, DISPOSITIFS, 1, 3, weights=[12, 3, 3, 30, 2, 12, 2, 2, 4, 3, 2])),
        "formations_labels": maybe(rng, 0.15, lambda: formation_label(rng, dept)),
        "autres_formations_labels": maybe(rng, 0.05, lambda: rng.choice(OTHER_LABELS)),
        "modalites_acces": maybe(rng, 0.85, lambda: pick_some(
            rng, MODALITES_ACCES, 1, 3, weights=[30, 30, 15, 10, 1, 3])),
        "modalites_accompagnement": maybe(rng, 0.85, lambda: pick_some(
            rng, MODALITES_ACCOMPAGNEMENT, 1, 3, weights=[15, 30, 20, 8])),
        "fiche_acces_libre": maybe(rng, 0.3, lambda: f"https://example.org/acceslibre/erp/{slug}/"),
        "prise_rdv": maybe(rng, 0.25, lambda: f"https://example.org/rdv/{slug}"),
    }
    if rng.random() < 0.97:
        row["latitude"] = f"{lat + rng.gauss(0, spread):.5f}"
        row["longitude"] = f"{lon + rng.gauss(0, spread) / math.cos(math.radians(lat)):.5f}"
    return row


def formation_label(rng, dept):
    """Training and labels, the regional ones only where they exist."""
    labels = ["Formé à « Mon Espace Santé »", "Formé à « DUPLEX » (illettrisme)", "Étapes numériques(La Poste)",
              "Fabriques de Territoire", "ORDI 3.0"]
    regional = {
        "BFC": "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "NOR": "Collectif ressources et acteurs réemploi (Normandie)",
        "PAC": "SUD LABS (PACA)",
    }
    if dept.region in regional:
        labels.append(regional[dept.region])
    if dept.code == "26":
        labels.append("Les Éclaireurs du numérique (Drôme)")
    if dept.code == "69":
        labels.append("Mes Papiers (Métropole de Lyon)")
    chosen = set(rng.sample(labels, rng.randint(1, 2)))
    return "|".join(v for v in FORMATIONS_LABELS if v in chosen)


def generate(places, seed, out, until=datetime.date(2026, 9, 30)):
    """Write `places` rows to the open text file `out`."""
    rng = random.Random(seed)
    departements = [Departement(*d) for d in DEPARTEMENTS]
    # Places by département, in proportion to population (at least one each when possible).
    weights = [d.population for d in departements]
    assignment = rng.choices(range(len(departements)), weights=weights, k=places)
    for i in range(min(places, len(departements))):
        assignment[i] = i
    rng.shuffle(assignment)

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    seen = set()
    for number, index in enumerate(assignment, start=1):
        row = make_place(rng, number, departements[index], until)
        while row["id"] in seen:  # never happens with UUIDs, but ids must be unique
            row["id"] += "-b"
        seen.add(row["id"])
        writer.writerow([row[c] for c in COLUMNS])
    return departements


# --------------------------------------------------------------------------------------------
# Validation against the schema (Table Schema semantics, standard library only).
# --------------------------------------------------------------------------------------------

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def validate(path, fields=SCHEMA_FIELDS, max_report=20):
    """Check the CSV at `path`: header, row widths, required cells, types, patterns, lengths,
    uniqueness. Returns (rows, errors) with errors as readable strings."""
    errors = []
    compiled = {f["name"]: re.compile(f["constraints"]["pattern"]) for f in fields
                if "pattern" in f.get("constraints", {})}
    names = [f["name"] for f in fields]
    unique_seen = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    rows = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != names:
            missing = [n for n in names if n not in (header or [])]
            extra = [n for n in (header or []) if n not in names]
            errors.append(f"header: expected the {len(names)} columns of the schema in order; "
                          f"missing {missing}, unknown {extra}")
            return 0, errors
        for row_number, cells in enumerate(reader, start=2):
            rows += 1
            if len(cells) != len(names):
                errors.append(f"row {row_number}: {len(cells)} cells instead of {len(names)}")
                continue
            for field, value in zip(fields, cells):
                name, constraints = field["name"], field.get("constraints", {})
                if value == "":
                    if constraints.get("required"):
                        errors.append(f"row {row_number}, {name}: required, but empty")
                    continue
                kind = field.get("type", "string")
                if kind == "number" and not NUMBER.match(value):
                    errors.append(f"row {row_number}, {name}: {value!r} is not a number")
                elif kind == "date":
                    try:
                        datetime.date.fromisoformat(value)
                        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                            raise ValueError
                    except ValueError:
                        errors.append(f"row {row_number}, {name}: {value!r} is not a date YYYY-MM-DD")
                if name in compiled and not compiled[name].fullmatch(value):
                    errors.append(f"row {row_number}, {name}: {value!r} does not match the pattern")
                if "maxLength" in constraints and len(value) > constraints["maxLength"]:
                    errors.append(f"row {row_number}, {name}: {len(value)} characters, "
                                  f"more than {constraints['maxLength']}")
                if name in unique_seen:
                    if value in unique_seen[name]:
                        errors.append(f"row {row_number}, {name}: {value!r} already on row "
                                      f"{unique_seen[name][value]}")
                    else:
                        unique_seen[name][value] = row_number
            if len(errors) > max_report:
                errors.append("... (stopped after too many errors)")
                break
    return rows, errors


def load_schema(path):
    """The "fields" of an official schema.json."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["fields"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=int, default=1000, help="how many places to generate")
    parser.add_argument("--out", help='the CSV file to write ("-" for standard output)')
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("--check", action="store_true", help="validate the file written")
    parser.add_argument("--validate", metavar="FILE", help="only validate this CSV file")
    parser.add_argument("--schema", metavar="FILE", help="schema.json to validate against")
    args = parser.parse_args(argv)
    fields = load_schema(args.schema) if args.schema else SCHEMA_FIELDS

    if args.validate:
        return report(args.validate, fields)
    if not args.out:
        parser.error("--out FILE is needed to generate (or --validate FILE to check a file)")
    if args.out == "-":
        try:
            generate(args.places, args.seed, sys.stdout)
        except BrokenPipeError:  # such as `| head`: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    with open(args.out, "w", newline="", encoding="utf-8") as out:
        departements = generate(args.places, args.seed, out)
    communes = sum(len(d.invented) for d in departements) + sum(len(d.towns) for d in departements)
    print(f"wrote {args.places} places in {len(departements)} départements "
          f"(up to {communes} communes) to {args.out}", file=sys.stderr)
    if args.check:
        return report(args.out, fields)
    return 0


def report(path, fields):
    """Validate the file at `path`, print what is wrong, and return the exit code."""
    rows, errors = validate(path, fields)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{path}: {rows} rows, {'no error' if not errors else f'{len(errors)} errors'}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
