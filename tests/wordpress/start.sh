#!/usr/bin/env bash
# A real WordPress for the tests and the bench, from Debian's packages: its own copy of
# /usr/share/wordpress with its own wp-config.php, its own MariaDB data folder and socket, PHP's
# built-in web server on 127.0.0.1, installed and seeded through WordPress's own functions.
#   tests/wordpress/start.sh <folder> <port> [seed script, default tests/wordpress/seed.php]
# Leaves mariadbd and php running, each in a process group of its own (their pids in <folder>/pids;
# tests/wordpress/stop.sh <folder> stops them) and prints the REST API's base URL. Starts from nothing every time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 port=$2 seed=${3:-$here/seed.php}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
"$here/stop.sh" "$dir" 2>/dev/null || true
rm -rf "$dir/site" "$dir/db" && mkdir -p "$dir/db"
trap '"$here/stop.sh" "$dir"' ERR

# The site: WordPress's files (links followed: Debian links some into /etc), a config of our own.
cp -rL /usr/share/wordpress "$dir/site"
cp -rL /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/site/wp-content/themes/" 2>/dev/null || true
socket="$dir/mysqld.sock"
cat > "$dir/site/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$socket');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', 'http://127.0.0.1:$port');
define('WP_SITEURL', 'http://127.0.0.1:$port');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$port/wp-content');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# The database: a data folder and a socket of its own, no TCP port.
mariadb-install-db --datadir="$dir/db" --auth-root-authentication-method=normal --skip-test-db \
  --user="$(id -un)" > "$dir/install-db.log" 2>&1
setsid mariadbd --no-defaults --datadir="$dir/db" --socket="$socket" --skip-networking --user="$(id -un)" \
  --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.log" --innodb-buffer-pool-size=256M &
echo $! > "$dir/pids"
until mariadb --no-defaults --socket="$socket" -uroot -e 'select 1' >/dev/null 2>&1; do
  kill -0 "$(head -1 "$dir/pids")" 2>/dev/null || { cat "$dir/mysqld.log" >&2; exit 1; }
  sleep 0.2
done
mariadb --no-defaults --socket="$socket" -uroot -e 'create database wordpress character set utf8mb4'

# Installed and seeded through WordPress's own functions.
(cd "$dir/site" && GAZETTE_WP_PORT=$port php "$seed") > "$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; exit 1; }

# The web server: several workers, so that requests in parallel are answered in parallel. Its own
# process group (setsid), which stop.sh ends whole: the workers are processes of their own.
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "tests/wordpress/start.sh: something already answers on 127.0.0.1:$port" >&2
  exit 1
fi
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$dir/site" "$here/router.php" > "$dir/php.log" 2>&1 &
echo $! >> "$dir/pids"
until curl -sf "http://127.0.0.1:$port/wp-json/" >/dev/null; do
  kill -0 "$(tail -1 "$dir/pids")" 2>/dev/null || { cat "$dir/php.log" >&2; exit 1; }
  sleep 0.2
done
echo "http://127.0.0.1:$port/wp-json/"
