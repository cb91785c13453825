"""Parses /metrics with prometheus_client's text parser (Debian python3-prometheus-client) and
prints the families and samples it found as JSON, for tests/api/metrics.test.mjs."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    families[family.name] = {
        "type": family.type,
        "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples],
    }
json.dump(families, sys.stdout)
