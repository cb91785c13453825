#!/usr/bin/python3
"""Checks the CMS adapter's sample renderings (written by cms_render_sample DIR) with maintained
parsers from Debian: feedparser for the Atom feeds, rdflib for the DCAT-AP-SE catalogue (JSON-LD),
Python's csv module for CSV against JSON, and a byte sweep for the planted private strings.

usage: check_outputs.py DIR
"""
import csv
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import feedparser
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
CC0 = rdflib.URIRef("http://creativecommons.org/publicdomain/zero/1.0/")

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_feed(path, lang, manifest, expect_entries=None):
    raw = read(path)
    # Strict XML first (feedparser is lenient by design), then the feed reader's view.
    root = ET.fromstring(raw)
    check(root.tag == ATOM + "feed", f"{path}: root is not atom:feed")
    check(root.get(XML_LANG) == lang, f"{path}: xml:lang is {root.get(XML_LANG)}, not {lang}")
    # RFC 4287 3.3: dates are RFC 3339 date-times with a time zone (feedparser would accept more).
    for el in root.iter():
        if el.tag in (ATOM + "updated", ATOM + "published"):
            check(RFC3339.fullmatch(el.text or ""), f"{path}: {el.tag} {el.text!r} is not RFC 3339")
    # Every entry has the elements RFC 4287 4.1.2 requires (atom:author is inherited from the feed).
    for entry in root.iter(ATOM + "entry"):
        for required in ("id", "title", "updated"):
            check(entry.find(ATOM + required) is not None, f"{path}: entry without atom:{required}")
    d = feedparser.parse(raw)
    check(not d.bozo, f"{path}: feedparser reports a problem: {d.get('bozo_exception')}")
    check(d.version == "atom10", f"{path}: feedparser sees {d.version}, not atom10")
    feed = d.feed
    for key in ("id", "title", "updated", "author"):
        check(feed.get(key), f"{path}: feed has no {key}")
    rels = {(l.get("rel"), l.get("type")): l.get("href") for l in feed.get("links", [])}
    check(("self", "application/atom+xml") in rels, f"{path}: no self link")
    check(("alternate", "text/html") in rels, f"{path}: no alternate link")
    self_href = rels.get(("self", "application/atom+xml"), "")
    check(self_href.endswith("?lang=en") == (lang == "en"), f"{path}: self link {self_href}")
    ids = [e.id for e in d.entries]
    check(len(ids) == len(set(ids)), f"{path}: duplicate entry ids")
    if expect_entries is not None:
        check(len(ids) == expect_entries, f"{path}: {len(ids)} entries, expected {expect_entries}")
    newest = None
    for e in d.entries:
        check(e.id.startswith("tag:dialog.example.se,2026:dialogd/dialogue/"), f"{path}: id {e.id}")
        check(e.get("updated_parsed") is not None, f"{path}: entry {e.id} has no updated")
        check(e.get("title"), f"{path}: entry {e.id} has no title")
        alt = [l.href for l in e.links if l.rel == "alternate"]
        check(len(alt) == 1 and "/d/" in alt[0], f"{path}: entry {e.id} alternate {alt}")
        if newest is None or e.updated_parsed > newest:
            newest = e.updated_parsed
    updates = [e.updated_parsed for e in d.entries]
    check(updates == sorted(updates, reverse=True), f"{path}: entries not newest first")
    if newest is not None:
        check(feed.updated_parsed >= newest, f"{path}: feed updated older than its newest entry")
    return d


def cell_from_csv(text, column_type_hint, json_value):
    """The CSV text of a cell, interpreted by the JSON value's type."""
    if json_value is None:
        return text == ""
    if isinstance(json_value, bool):
        return text == ("true" if json_value else "false")
    if isinstance(json_value, (int, float)):
        return float(text) == float(json_value)
    if isinstance(json_value, (list, dict)):
        return json.loads(text) == json_value
    return text == json_value


def check_open_data(od, manifest):
    for resource, columns in manifest["columns"].items():
        jpath = os.path.join(od, resource + ".json")
        cpath = os.path.join(od, resource + ".csv")
        doc = json.loads(read(jpath).decode("utf-8"))
        check(doc["resource"] == resource, f"{jpath}: resource {doc['resource']}")
        check(doc["columns"] == columns, f"{jpath}: columns {doc['columns']} != {columns}")
        raw = read(cpath)
        check(not raw.startswith(b"\xef\xbb\xbf"), f"{cpath}: has a BOM")
        text = raw.decode("utf-8")  # raises on invalid UTF-8
        check(text.endswith("\r\n"), f"{cpath}: last record not ended by CRLF")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        check(rows[0] == columns, f"{cpath}: header {rows[0]} != {columns}")
        # Every record ends with CRLF: rebuilding the records with CRLF gives back the bytes.
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        check(out.getvalue() == text, f"{cpath}: not byte-identical to an RFC 4180 rewrite")
        items = doc["items"]
        check(len(rows) - 1 == len(items), f"{resource}: {len(rows) - 1} CSV rows, {len(items)} JSON")
        for n, (row, item) in enumerate(zip(rows[1:], items)):
            check(list(item.keys()) == columns, f"{jpath}: item {n} keys out of column order")
            for col, text_cell in zip(columns, row):
                check(cell_from_csv(text_cell, None, item[col]),
                      f"{resource} row {n} column {col}: CSV {text_cell!r} != JSON {item[col]!r}")
        if resource == "activities":
            check(any("\r\n" in r[8] for r in rows[1:]), "activities: multi-line field lost")


def check_catalog(path, manifest, od):
    g = rdflib.Graph()
    g.parse(data=read(path).decode("utf-8"), format="json-ld")
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    if not check(len(catalogs) == 1, f"{path}: {len(catalogs)} catalogues"):
        return
    cat = catalogs[0]
    check(str(cat) == manifest["catalog_url"], f"{path}: catalogue id {cat}")
    for p in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in g.objects(cat, p)}
        check(langs == {"sv", "en"}, f"catalogue {p}: languages {langs}")
    check((cat, DCTERMS.license, CC0) in g, "catalogue licence is not CC0")
    publisher = g.value(cat, DCTERMS.publisher)
    check(publisher is not None and (publisher, RDF.type, FOAF.Agent) in g,
          "catalogue publisher is not a foaf:Agent")
    check(g.value(publisher, FOAF.name) is not None, "publisher has no foaf:name")
    datasets = list(g.objects(cat, DCAT.dataset))
    check(len(datasets) == 6, f"{len(datasets)} datasets, expected 6")
    files = set()
    for ds in datasets:
        check((ds, RDF.type, DCAT.Dataset) in g, f"{ds} is not a dcat:Dataset")
        for p in (DCTERMS.title, DCTERMS.description):
            langs = {o.language for o in g.objects(ds, p)}
            check(langs == {"sv", "en"}, f"{ds} {p}: languages {langs}")
        check(g.value(ds, DCTERMS.publisher) == publisher, f"{ds}: publisher")
        cp = g.value(ds, DCAT.contactPoint)
        check(cp is not None and g.value(cp, VCARD.fn) is not None, f"{ds}: contact point vcard:fn")
        email = g.value(cp, VCARD.hasEmail) if cp is not None else None
        check(email is not None and str(email).startswith("mailto:"), f"{ds}: contact email {email}")
        check(g.value(ds, DCTERMS.accrualPeriodicity) is not None, f"{ds}: accrualPeriodicity")
        check(g.value(ds, DCAT.theme) is not None, f"{ds}: theme")
        check(len(list(g.objects(ds, DCAT.keyword))) >= 2, f"{ds}: keywords")
        dists = list(g.objects(ds, DCAT.distribution))
        check(len(dists) == 2, f"{ds}: {len(dists)} distributions")
        for dist in dists:
            check((dist, RDF.type, DCAT.Distribution) in g, f"{dist}: type")
            access = g.value(dist, DCAT.accessURL)
            download = g.value(dist, DCAT.downloadURL)
            check(access is not None and access == download, f"{dist}: access/download URL")
            check(g.value(dist, DCTERMS.format) is not None, f"{dist}: dcterms:format")
            check(g.value(dist, DCAT.mediaType) is not None, f"{dist}: dcat:mediaType")
            check((dist, DCTERMS.license, CC0) in g, f"{dist}: licence")
            if download is not None:
                files.add(str(download).rsplit("/", 1)[-1])
    expected = {f for f in os.listdir(od) if f.endswith((".json", ".csv"))}
    check(files == expected, f"catalogue lists {sorted(files)}, directory has {sorted(expected)}")


def check_oembed(out, manifest):
    for name, limits in manifest["oembed"].items():
        o = json.loads(read(os.path.join(out, name)).decode("utf-8"))
        for key in ("version", "type", "html", "width", "height", "title", "provider_name",
                    "provider_url", "cache_age"):
            check(key in o, f"{name}: no {key}")
        check(o.get("version") == "1.0" and o.get("type") == "rich", f"{name}: version/type")
        if limits["maxwidth"]:
            check(o["width"] <= limits["maxwidth"], f"{name}: width above maxwidth")
        if limits["maxheight"]:
            check(o["height"] <= limits["maxheight"], f"{name}: height above maxheight")
        html = o.get("html", "")
        check(html.startswith("<iframe ") and html.endswith("></iframe>"), f"{name}: html {html}")
        check(f'width="{o["width"]}"' in html and f'height="{o["height"]}"' in html,
              f"{name}: iframe size differs from width/height")
        check(' title="' in html, f"{name}: iframe has no title")
    page = read(os.path.join(out, "discovery.html")).decode("utf-8")
    check('type="application/json+oembed"' in page and "&amp;format=json" in page,
          "discovery link missing or unescaped")


def sweep(out, planted):
    for dirpath, _, names in os.walk(out):
        for name in names:
            raw = read(os.path.join(dirpath, name))
            lowered = raw.lower()
            for p in planted:
                needle = p.encode("utf-8")
                check(needle not in raw and needle.lower() not in lowered,
                      f"PLANTED {p!r} leaked into {name}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    out = os.path.join(root, "out")
    od = os.path.join(out, "open-data")
    manifest = json.loads(read(os.path.join(root, "manifest.json")).decode("utf-8"))
    planted = [l for l in read(os.path.join(root, "planted.txt")).decode("utf-8").splitlines() if l]

    feeds = {}
    for lang in ("sv", "en"):
        feeds["organisation." + lang] = check_feed(os.path.join(out, f"organisation.{lang}.atom"),
                                                   lang, manifest)
        feeds["dialogue." + lang] = check_feed(os.path.join(out, f"dialogue.{lang}.atom"), lang,
                                               manifest, manifest["dialogue_entries"])
    for kind in ("organisation", "dialogue"):
        sv = [e.id for e in feeds[kind + ".sv"].entries]
        en = [e.id for e in feeds[kind + ".en"].entries]
        check(sv == en, f"{kind}: sv and en feeds have different entry ids")
        for lang in ("sv", "en"):
            f = feeds[f"{kind}.{lang}"]
            meta = manifest["feeds"][f"{kind}.{lang}"]
            check(f.feed.updated == meta["updated"], f"{kind}.{lang}: updated {f.feed.updated}")
            check(meta["etag"].startswith('"') and meta["last_modified"].endswith(" GMT"),
                  f"{kind}.{lang}: validators {meta}")
    check(manifest["feeds"]["dialogue.sv"]["etag"] != manifest["feeds"]["dialogue.en"]["etag"],
          "sv and en feeds share an ETag")

    check_open_data(od, manifest)
    check_catalog(os.path.join(od, "catalog.jsonld"), manifest, od)
    check_oembed(out, manifest)
    sweep(out, planted)

    for f in failures:
        print("FAIL:", f)
    print(f"cms checks: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
