#!/usr/bin/python3
"""Checks adapters/cms/openapi-paths.yaml: valid YAML, every $ref resolvable against the fragment
plus openapi/openapi.yaml, every operation with operationId, summary, tags, security and a 4xx,
and the OEmbed schema's fields matching a rendered oEmbed answer (DIR/out/oembed.page.json).

usage: check_openapi_fragment.py REPO_ROOT [SAMPLE_DIR]
"""
import json
import os
import sys

import yaml


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def resolve(ref, docs):
    assert ref.startswith("#/"), ref
    for doc in docs:
        node = doc
        for part in ref[2:].split("/"):
            if not isinstance(node, dict) or part not in node:
                node = None
                break
            node = node[part]
        if node is not None:
            return node
    return None


def main():
    root = sys.argv[1]
    frag = yaml.safe_load(open(os.path.join(root, "adapters/cms/openapi-paths.yaml"), encoding="utf-8"))
    spec = yaml.safe_load(open(os.path.join(root, "openapi/openapi.yaml"), encoding="utf-8"))
    failures = []
    for ref in refs(frag):
        if resolve(ref, [frag, spec]) is None:
            failures.append(f"unresolved {ref}")
    clash = set(frag["paths"]) & set(spec.get("paths", {}))
    if clash:
        failures.append(f"paths already in openapi.yaml: {sorted(clash)}")
    for path, item in frag["paths"].items():
        for method in ("get", "post", "put", "patch", "delete"):
            op = item.get(method)
            if not op:
                continue
            for key in ("operationId", "summary", "tags", "security"):
                if key not in op:
                    failures.append(f"{method} {path}: no {key}")
            if not any(code.startswith("4") for code in op.get("responses", {})):
                failures.append(f"{method} {path}: no 4xx response")
    if len(sys.argv) > 2:
        sample = json.load(open(os.path.join(sys.argv[2], "out", "oembed.page.json"), encoding="utf-8"))
        schema = frag["components"]["schemas"]["OEmbed"]
        if set(sample) != set(schema["properties"]):
            failures.append(f"oEmbed answer {sorted(sample)} != schema {sorted(schema['properties'])}")
        missing = set(schema["required"]) - set(sample)
        if missing:
            failures.append(f"oEmbed answer lacks {sorted(missing)}")
    for f in failures:
        print("FAIL:", f)
    print(f"openapi fragment: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
