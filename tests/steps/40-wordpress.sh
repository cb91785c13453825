#!/usr/bin/env bash
# WordPress plugin glue: a real WordPress (Debian's package) on a throw-away MariaDB, served by
# `php -S`, with the dialogd plugin configured against a live dialogd; Chromium checks the pages,
# PHPUnit covers the rest, `php -l` every file. Runs in a private mount namespace so that Debian's
# /etc/wordpress/config-*.php lookup finds the test's own config without touching the system's.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PLUGIN="$ROOT/plugin-glue/wordpress/dialogd"

if [ -z "${DIALOGD_WP_NS:-}" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "wordpress: FAILED: needs root, for a private mount namespace over /etc/wordpress"
    exit 1
  fi
  exec unshare -m --propagation private env DIALOGD_WP_NS=1 "$0" "$@"
fi

START=$(date +%s)
BIN="${DIALOGD_BIN:-$ROOT/build/dialogd}"
[ -x "$BIN" ] || BIN=/work/build-base/dialogd
T="$(mktemp -d /tmp/dialogd-wp.XXXXXX)"
PIDS=()
cleanup() {
  local rc=$?
  # php -S with workers forks children: stop them by their parent's id, then the parents.
  for p in "${PIDS[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  umount /etc/wordpress 2>/dev/null || true
  if [ $rc -ne 0 ]; then
    for f in "$T"/mariadb.err "$T"/php.log "$T"/dialogd.log; do
      [ -s "$f" ] && { echo "--- $f (tail)"; tail -n 30 "$f"; }
    done
  fi
  rm -rf "$T"
  [ $rc -ne 0 ] && echo "wordpress: FAILED (exit $rc) after $(( $(date +%s) - START ))s"
  exit $rc
}
trap cleanup EXIT INT TERM

echo "wordpress: php -l"
while IFS= read -r f; do php -l "$f" >/dev/null || { echo "php -l failed: $f"; exit 1; }; done \
  < <(find "$PLUGIN" "$ROOT/tests/wordpress" -name '*.php')

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- MariaDB, throw-away, on a socket only
mkdir -p "$T/db"
mariadb-install-db --no-defaults --datadir="$T/db" --user=root --auth-root-authentication-method=socket \
  --skip-test-db >"$T/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$T/db" --socket="$T/mysql.sock" --skip-networking --user=root \
  --pid-file="$T/mariadb.pid" --log-error="$T/mariadb.err" --innodb-buffer-pool-size=32M \
  --innodb-log-file-size=8M --skip-log-bin --performance-schema=OFF &
PIDS+=($!)
for _ in $(seq 1 100); do [ -S "$T/mysql.sock" ] && mariadb --no-defaults -S "$T/mysql.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
DBPASS="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mariadb --no-defaults -S "$T/mysql.sock" -uroot -e "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY '$DBPASS'; GRANT ALL ON wp.* TO 'wp'@'localhost';"

# --- dialogd
DB="sqlite:$T/dialogd.db"
EDITOR_KEY="$("$BIN" keys create --role editor --db "$DB" | tail -n 1)"
PORTAL_KEY="$("$BIN" keys create --role portal --db "$DB" | tail -n 1)"
WIDGET_KEY="$("$BIN" keys create --role portal --db "$DB" | tail -n 1)"
DPORT="$(free_port)"
"$BIN" serve --port "$DPORT" --db "$DB" 2>"$T/dialogd.log" &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$DPORT/health" >/dev/null 2>&1 && break; sleep 0.2; done

# --- WordPress: config via a private bind mount over /etc/wordpress
WPORT="$(free_port)"
HOST="127.0.0.1:$WPORT"
ADMIN_PASS="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$T/etc" "$T/content/plugins" "$T/content/themes" "$T/content/uploads" "$T/content/languages"
# WordPress only accepts a site language whose core catalogue exists; an empty one makes the site sv_SE.
printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: sv_SE\\n"\n' | msgfmt -o "$T/content/languages/sv_SE.mo" -
cp -r "$PLUGIN" "$T/content/plugins/dialogd"
cp -r "$ROOT/tests/wordpress/theme" "$T/content/themes/dialogd-test"
salt() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
cat >"$T/etc/config-default.php" <<PHP
<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', '$DBPASS');
define('DB_HOST', 'localhost:$T/mysql.sock');
define('WP_CONTENT_DIR', '$T/content');
define('WP_CONTENT_URL', 'http://$HOST/wp-content');
define('WP_HOME', 'http://$HOST');
define('WP_SITEURL', 'http://$HOST');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
define('FS_METHOD', 'direct');
define('AUTH_KEY', '$(salt)'); define('SECURE_AUTH_KEY', '$(salt)'); define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)'); define('AUTH_SALT', '$(salt)'); define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)'); define('NONCE_SALT', '$(salt)');
PHP
mkdir -p /etc/wordpress
mount --bind "$T/etc" /etc/wordpress

export WP_TEST_HOST="$HOST" WP_TEST_ADMIN_PASS="$ADMIN_PASS" WP_TEST_CONTENT="$T/content"
php "$ROOT/tests/wordpress/install.php" >"$T/install.log" 2>&1 || { cat "$T/install.log"; exit 1; }

PHP_CLI_SERVER_WORKERS=4 php -d display_errors=0 -d log_errors=1 -S "$HOST" -t /usr/share/wordpress "$ROOT/tests/wordpress/router.php" >"$T/php.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://$HOST/wp-login.php" 2>/dev/null && break; sleep 0.2; done

echo "wordpress: PHPUnit"
DIALOGD_TEST_URL="http://127.0.0.1:$DPORT" phpunit --colors=never -c "$ROOT/tests/wordpress/phpunit.xml" 

echo "wordpress: browser"
WP_BASE="http://$HOST" DIALOGD_BASE="http://127.0.0.1:$DPORT" EDITOR_KEY="$EDITOR_KEY" PORTAL_KEY="$PORTAL_KEY" \
  WIDGET_KEY="$WIDGET_KEY" WP_ROOT="$ROOT" \
  node --test --test-reporter=spec "$ROOT/tests/wordpress/wordpress.test.mjs"

echo "wordpress: all checks passed in $(( $(date +%s) - START ))s"
