#!/usr/bin/env bash
# The CMS adapter (adapters/cms): renders the sample data (tests/cms/fixture.hpp, with private
# strings planted in the source records) and checks every output with maintained parsers from
# Debian (scripts/deps.d/cms.txt): feedparser for the Atom feeds, rdflib for the DCAT-AP-SE
# catalogue, Python's csv module for CSV against JSON, and a byte sweep for the planted strings.
# The unit tests (cms_tests) run with ctest.
set -euo pipefail
cd "$(dirname "$0")/../.."

sample=""
candidates=("${CMS_RENDER_SAMPLE:-}" build-cms/tests/cms/cms_render_sample)
[[ -n "${DIALOGD_BIN:-}" ]] && candidates=("${CMS_RENDER_SAMPLE:-}"
  "$(dirname "$DIALOGD_BIN")/tests/cms/cms_render_sample" "${candidates[@]:1}")
for candidate in "${candidates[@]}"; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then
    sample=$candidate
    break
  fi
done
if [[ -z "$sample" ]]; then
  cmake -S . -B build-cms -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-cms --target cms_render_sample -j2
  sample=build-cms/tests/cms/cms_render_sample
fi

dir=$(mktemp -d /tmp/dialogd-cms.XXXXXX)
trap 'rm -rf "$dir"' EXIT
"$sample" "$dir"
# Debian's interpreter, where python3-feedparser and python3-rdflib are installed.
/usr/bin/python3 tests/cms/check_outputs.py "$dir"
