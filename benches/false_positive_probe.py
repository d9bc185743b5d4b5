#!/usr/bin/env python3
"""False-positive probe: tags text that names no technology and lists every technology found.

Two sources from ../shared/data/lexicon-sources (skipped, with a message, when absent):
  esco  - ESCO skill labels outside its ICT branches (S5, K06), 25 to a requirements list
          ("- Apply putty to seams"): trades, care, farming, arts;
  onet  - O*NET alternate job titles outside computing (SOC 15-*), 20 to a list
          ("- Construction Flagger").
Soft skills and methodologies are left out of the listing (they are what those lines name).
Every other mention is most likely a false reading: an ordinary word taken for a product.

Usage: python3 benches/false_positive_probe.py [--bin target/release/jdtag] [esco|onet ...]
"""

import argparse
import csv
import gzip
import json
import os
import random
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "..", "..", "shared", "data", "lexicon-sources")
SKIP_CATEGORIES = {"soft_skill", "methodology"}


def esco_docs():
    path = os.path.join(SOURCES, "esco", "esco_v1.1.1_skills.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    labels = [
        r["description"]
        for r in rows
        if "'S5'" not in r["hierarchy_levels"] and "'K0" not in r["hierarchy_levels"]
    ]
    return lists(labels, 25, "Requirements:", lambda s: s[0].upper() + s[1:])


def onet_docs():
    path = os.path.join(SOURCES, "onet", "Alternate Titles.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    titles = [r["Alternate Title"] for r in rows if not r["O*NET-SOC Code"].startswith("15-")]
    return lists(titles, 20, "Open roles:", lambda s: s)


def lists(items, per, heading, shape):
    random.Random(1).shuffle(items)
    return [
        {"id": i, "text": heading + "\n" + "\n".join("- " + shape(s) for s in items[i : i + per])}
        for i in range(0, len(items), per)
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "jdtag"))
    ap.add_argument("sets", nargs="*", default=["esco", "onet"])
    args = ap.parse_args()
    if not os.path.isdir(SOURCES):
        print(f"skipped: {SOURCES} is absent")
        return 0
    for name in args.sets:
        docs = {"esco": esco_docs, "onet": onet_docs}[name]()
        stdin = "".join(json.dumps(d) + "\n" for d in docs)
        out = subprocess.run(
            [args.bin, "--jsonl"], input=stdin, capture_output=True, text=True, check=False
        ).stdout.splitlines()
        found = []
        for doc, line in zip(docs, out):
            tags = json.loads(line)
            text = doc["text"]
            for skill in tags.get("skills", []):
                if skill["category"] in SKIP_CATEGORIES:
                    continue
                for m in skill["mentions"]:
                    ls = text.rfind("\n", 0, m["start"]) + 1
                    le = text.find("\n", m["start"])
                    found.append((skill["name"], m.get("rule"), text[ls : le if le >= 0 else None]))
        print(f"{name}: {len(docs)} lists, {len(found)} technology mentions")
        shown = Counter()
        for tech, rule, line in sorted(found):
            shown[tech] += 1
            if shown[tech] <= 3:
                print(f"  {tech:28} {str(rule):20} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
