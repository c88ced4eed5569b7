#!/usr/bin/env bash
# A throw-away PostgreSQL server for WebhookKitPostgres's tests, on 127.0.0.1 only, with trust authentication.
#
#   bash Scripts/postgres.sh start   # installs Debian's postgresql when missing, starts a new cluster, prints its URL
#   bash Scripts/postgres.sh url     # prints the URL of the running cluster
#   bash Scripts/postgres.sh stop    # stops the cluster and deletes its folder
#
# The tests read the URL from WEBHOOKKIT_POSTGRES_URL:
#   export WEBHOOKKIT_POSTGRES_URL="$(bash Scripts/postgres.sh start)"
#   swift test --traits PostgreSQL --scratch-path .build-pg --filter WebhookKitPostgresTests   (CI: all traits at once)
#
# The cluster lives in a temporary folder owned by a non-root user (PostgreSQL refuses to run as root: as root the
# script uses the `postgres` user, creating a system user when there is none). Its state (folder, URL) is kept in
# .build-pg-server/ at the repository's root. Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
state_dir="$PWD/.build-pg-server"
database="webhookkit"
role="webhookkit"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && printf '%s\n' "$dir"
}

install_if_missing() {
    if [ -z "$(bin_dir)" ]; then
        log "installing Debian's postgresql"
        as_root apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q postgresql >&2
    fi
    [ -n "$(bin_dir)" ] || { log "no initdb under /usr/lib/postgresql/*/bin after installing postgresql"; exit 1; }
}

# The user that owns and runs the cluster: the caller, or when the caller is root, `postgres`.
server_user() {
    if [ "$(id -u)" -ne 0 ]; then
        id -un
    elif id postgres >/dev/null 2>&1; then
        echo postgres
    else
        useradd --system --no-create-home --shell /usr/sbin/nologin postgres >&2
        echo postgres
    fi
}

run_as() {
    local user="$1"
    shift
    if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port
    for port in 54329 $(seq 54330 54399); do
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
    done
    log "no free port in 54329-54399"
    exit 1
}

running() {
    [ -f "$state_dir/data_dir" ] || return 1
    local bin
    bin=$(bin_dir) || return 1
    run_as "$(cat "$state_dir/user")" "$bin/pg_ctl" -D "$(cat "$state_dir/data_dir")" status >/dev/null 2>&1
}

start() {
    if running; then
        log "already running"
        cat "$state_dir/url"
        return
    fi
    [ ! -d "$state_dir" ] || stop
    install_if_missing
    local bin user root data port url
    bin=$(bin_dir)
    user=$(server_user)
    root=$(mktemp -d "${TMPDIR:-/tmp}/webhookkit-pg.XXXXXX")
    data="$root/data"
    mkdir -p "$state_dir"
    echo "$root" >"$state_dir/root"
    echo "$data" >"$state_dir/data_dir"
    echo "$user" >"$state_dir/user"
    [ "$(id -u)" -ne 0 ] || chown "$user" "$root"

    log "initdb in $data (as $user)"
    run_as "$user" "$bin/initdb" -D "$data" -U "$role" --auth=trust --no-sync --encoding=UTF8 --locale=C.UTF-8 >&2
    # Trust only loopback TCP and the cluster's own socket folder.
    run_as "$user" tee "$data/pg_hba.conf" >/dev/null <<'EOF'
local all all trust
host all all 127.0.0.1/32 trust
EOF
    port=$(free_port)
    log "starting on 127.0.0.1:$port"
    run_as "$user" "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c max_connections=300 -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off" >&2 || {
        cat "$root/server.log" >&2 || true
        exit 1
    }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$role" "$database"
    url="postgres://$role@127.0.0.1:$port/$database"
    echo "$url" >"$state_dir/url"
    echo "$url"
}

stop() {
    if [ ! -d "$state_dir" ]; then
        log "not running"
        return
    fi
    local bin
    bin=$(bin_dir || true)
    if [ -n "$bin" ] && [ -f "$state_dir/data_dir" ] && [ -d "$(cat "$state_dir/data_dir")" ]; then
        run_as "$(cat "$state_dir/user")" "$bin/pg_ctl" -D "$(cat "$state_dir/data_dir")" -m fast -w stop >&2 || true
    fi
    if [ -f "$state_dir/root" ]; then
        local root
        root=$(cat "$state_dir/root")
        case "$root" in
            */webhookkit-pg.*) rm -rf "$root" ;;
        esac
    fi
    rm -rf "$state_dir"
    log "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url)
        running || { log "not running (bash Scripts/postgres.sh start)"; exit 1; }
        cat "$state_dir/url"
        ;;
    *)
        echo "usage: $0 start|stop|url" >&2
        exit 2
        ;;
esac
