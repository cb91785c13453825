#!/usr/bin/env bash
# The libFuzzer targets (tests/fuzz): built with clang-15 in their own build directory (only the
# libraries they need, lightly optimised to keep the build short), then each run for
# FUZZ_SECONDS (default 20) from its seed corpus, which replays every crash input kept there as a
# regression. Fails on any crash, timeout or 5xx. Packages: scripts/deps.d/hardening.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz-ci} FUZZ_CXX_FLAGS="-O1 -g0" FUZZ_CHAOS=0 \
  tests/fuzz/run "${FUZZ_SECONDS:-20}"
echo "fuzz step: $(($(date +%s) - start)) s"
