#!/usr/bin/env bash
# The Decidim module (plugin-glue/decidim/decidim-dialogd): starts a live dialogd (DIALOGD_BIN, the
# sanitizer build in CI) on a throw-away SQLite file, runs the module's minitest suite against it,
# stops it and fails on a sanitizer report, builds the gem into a temporary folder and runs rubocop.
# Needs Debian's ruby, ruby-rails, ruby-minitest and rubocop (scripts/deps.d/decidim-gem.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gem_dir=$root/plugin-glue/decidim/decidim-dialogd
bin=${DIALOGD_BIN:-$root/build/dialogd}
[[ -x $bin ]] || { echo "no dialogd binary at $bin (set DIALOGD_BIN)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/decidim-dialogd-step.XXXXXX)
pid=""
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db=sqlite:$tmp/dialogd.db
for role in admin editor portal; do
  key=$("$bin" keys create --role "$role" --name "decidim-dialogd $role" --db "$db" 2>>"$tmp/keys.log" | tail -n 1) ||
    { cat "$tmp/keys.log" >&2; exit 1; }
  export "DIALOGD_TEST_${role^^}_KEY=$key"
done
"$bin" serve --port 0 --db "$db" 2>"$tmp/dialogd.log" >/dev/null &
pid=$!
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*"msg":"listening".*"port":\([0-9]*\).*/\1/p' "$tmp/dialogd.log" | head -n 1)
  [[ -n $port ]] && break
  kill -0 "$pid" 2>/dev/null || { echo "dialogd exited:" >&2; cat "$tmp/dialogd.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $port ]] || { echo "dialogd did not start:" >&2; cat "$tmp/dialogd.log" >&2; exit 1; }
export DIALOGD_BIN=$bin DIALOGD_TEST_URL=http://127.0.0.1:$port
echo "dialogd on $DIALOGD_TEST_URL"

cd "$gem_dir"
echo "--- minitest (live dialogd; skips name what this dialogd does not have yet)"
timeout 120 ruby -W0 -Ilib -Itest -e 'Dir["test/*_test.rb"].sort.each { |f| require File.expand_path(f) }' -- --verbose

echo "--- dialogd stops cleanly"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
if ((status != 0)) || grep -q "Sanitizer" "$tmp/dialogd.log"; then
  echo "dialogd exited with $status:" >&2
  grep -A40 "Sanitizer" "$tmp/dialogd.log" >&2 || tail -n 20 "$tmp/dialogd.log" >&2
  exit 1
fi

echo "--- gem build"
gem build decidim-dialogd.gemspec -o "$tmp/decidim-dialogd.gem" >/dev/null
files=$(ruby -rrubygems/package -e 'puts Gem::Package.new(ARGV[0]).spec.files' "$tmp/decidim-dialogd.gem")
for f in lib/decidim/dialogd.rb lib/decidim/dialogd/engine.rb lib/decidim/dialogd/component.rb \
  lib/decidim/dialogd/client.rb config/locales/sv.yml config/locales/en.yml \
  app/views/decidim/dialogd/dialogue/_dialogue.html.erb app/cells/decidim/dialogd/content_blocks/dialogue_cell.rb; do
  grep -qx "$f" <<<"$files" || { echo "the gem lacks $f" >&2; exit 1; }
done
if grep -q '^test/' <<<"$files"; then echo "the gem ships its tests" >&2; exit 1; fi
echo "decidim-dialogd.gem: $(wc -l <<<"$files") files"

echo "--- rubocop $(rubocop --version)"
rubocop --cache false --format simple
