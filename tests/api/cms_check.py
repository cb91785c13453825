#!/usr/bin/python3
"""Checks what the CMS routes served (files fetched by tests/api/cms.test.mjs into DIR) with
maintained parsers from Debian: feedparser for Atom, Python's csv module for CSV against JSON,
rdflib for the DCAT-AP-SE catalogue. Prints a JSON summary; exits 1 with the failures listed."""
import csv
import io
import json
import os
import sys

import feedparser
import rdflib
from rdflib.namespace import DCAT, RDF

d = sys.argv[1]
failures, summary = [], {}


def read(name):
    with open(os.path.join(d, name), "rb") as f:
        return f.read()


for name in sorted(os.listdir(d)):
    if name.endswith(".atom"):
        feed = feedparser.parse(read(name))
        if feed.bozo:
            failures.append(f"{name}: not well-formed: {feed.bozo_exception}")
        for e in feed.entries:
            if not e.get("id", "").startswith(("tag:", "urn:")):
                failures.append(f"{name}: entry id {e.get('id')} is not a tag: or urn: URI")
            if not any(l.get("rel") == "alternate" for l in e.get("links", [])):
                failures.append(f"{name}: an entry has no alternate link")
            if not e.get("updated"):
                failures.append(f"{name}: an entry has no updated")
        summary[name] = {"entries": len(feed.entries), "lang": feed.feed.get("language")}
    elif name.endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(read(name).decode("utf-8"), newline="")))
        items = json.loads(read(name[:-4] + ".json"))
        items = items["items"] if isinstance(items, dict) else items
        if len(rows) != len(items):
            failures.append(f"{name}: {len(rows)} CSV rows, {len(items)} JSON items")
        for row, item in zip(rows, items):
            if "id" in row and str(item.get("id")) != row["id"]:
                failures.append(f"{name}: row {row['id']} is not item {item.get('id')}")
        summary[name] = {"rows": len(rows)}
    elif name.endswith(".jsonld"):
        g = rdflib.Graph()
        g.parse(data=read(name).decode("utf-8"), format="json-ld")
        dists = list(g.subjects(RDF.type, DCAT.Distribution))
        urls = sorted(str(u) for dist in dists for u in g.objects(dist, DCAT.downloadURL))
        summary[name] = {"distributions": len(dists), "download_urls": urls,
                         "datasets": len(list(g.subjects(RDF.type, DCAT.Dataset)))}
print(json.dumps({"failures": failures, "summary": summary}))
sys.exit(1 if failures else 0)
