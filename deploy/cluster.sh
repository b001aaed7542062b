#!/usr/bin/env bash
# A whole deployment on one machine, on loopback only: PostgreSQL, Redis, two or three app nodes from one build and
# nginx in front with sticky sessions. It is how the cluster tests run, and a working example of the files in this
# folder for real servers (see README.md here).
#
#   deploy/cluster.sh up            build (publish) the app, start everything, migrate, wait until all answer
#   deploy/cluster.sh down          stop everything this script started and remove its state
#   deploy/cluster.sh status        what runs, on which port
#   deploy/cluster.sh kill N        kill -9 app node N (a crash: no shutdown, no clean-up)
#   deploy/cluster.sh start N       start app node N again and wait until it is ready
#   deploy/cluster.sh stop-redis | start-redis
#   deploy/cluster.sh stop-db | start-db
#
# Settings (environment):
#   LIANXIN_CLUSTER_DIR    where the state lives (default deploy/.cluster): data, logs, pid files, cluster.env
#   LIANXIN_CLUSTER_NODES  2 or 3 app nodes (default 2)
#   LIANXIN_CLUSTER_PORT   nginx's port (default 8080); node N on PORT+N, PostgreSQL on PORT+10, Redis on PORT+11
#   LIANXIN_CLUSTER_APP    a published build to run instead of publishing one (dotnet publish src/Lianxin.Web)
#   LIANXIN_CLUSTER_SEED   "demo" to fill the database with the demo county after migrating (prints its accounts)
#   LIANXIN_CLUSTER_SEED_ARGS  more options for that seed, such as "--disputes=10000 --incidents=50000"
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
dir=${LIANXIN_CLUSTER_DIR:-$here/.cluster}
nodes=${LIANXIN_CLUSTER_NODES:-2}
base=${LIANXIN_CLUSTER_PORT:-8080}
pgport=$((base + 10))
redisport=$((base + 11))

log() { printf '== %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }

[[ "$nodes" =~ ^[1-9]$ ]] || die "LIANXIN_CLUSTER_NODES must be 1 to 9"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until a URL answers 200 (curl-free: bash's /dev/tcp), up to $2 seconds.
wait_ready() {
  local port=$1 path=$2 seconds=$3 i
  for ((i = 0; i < seconds * 5; i++)); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
      if head -n 1 <&3 | grep -q ' 200 '; then exec 3>&-; return 0; fi
      exec 3>&-
    fi
    sleep 0.2
  done
  return 1
}

ensure_packages() {
  local need=()
  [ -n "$(pgbin)" ] || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages: ${need[*]} (install them, or run as root)"
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The package starts its own nginx on port 80 (and Redis on 6379): not ours to run, so stop what the install started.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop nginx redis-server >/dev/null 2>&1 || true; fi
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

# The settings every node shares, and the one file the tests read to find the cluster.
write_env() {
  if [ ! -f "$dir/secrets.env" ]; then
    umask 077
    {
      echo "PersonalData__EncryptionKey=$(head -c 32 /dev/urandom | base64)"
      echo "PersonalData__BlindIndexKey=$(head -c 32 /dev/urandom | base64)"
    } >"$dir/secrets.env"
    umask 022
  fi
  cat >"$dir/node.env" <<EOF
ASPNETCORE_ENVIRONMENT=Production
DOTNET_CLI_TELEMETRY_OPTOUT=1
Database__Provider=Postgres
Database__MigrateOnStart=false
ConnectionStrings__Lianxin='Host=127.0.0.1;Port=$pgport;Username=postgres;Database=lianxin;Maximum Pool Size=60'
Redis__Configuration=127.0.0.1:$redisport,abortConnect=false,connectTimeout=2000
Network__TrustedProxies__0=127.0.0.1
Scheduler__Name=lianxin
Security__SessionCacheSeconds=5
EOF
  {
    echo "LIANXIN_CLUSTER_URL=http://127.0.0.1:$base"
    echo "LIANXIN_CLUSTER_NODES=$nodes"
    for ((i = 1; i <= nodes; i++)); do echo "LIANXIN_CLUSTER_NODE${i}_URL=http://127.0.0.1:$((base + i))"; done
    echo "LIANXIN_CLUSTER_DB='Host=127.0.0.1;Port=$pgport;Username=postgres;Database=lianxin'"
    echo "LIANXIN_CLUSTER_REDIS=127.0.0.1:$redisport"
    echo "LIANXIN_CLUSTER_SCRIPT=$here/cluster.sh"
    cat "$dir/secrets.env"
  } >"$dir/cluster.env"
}

# Runs the app with the shared settings plus the given ones (used for one-off commands such as migrate).
run_app() {
  (
    set -a
    # shellcheck disable=SC1091
    . "$dir/node.env"
    # shellcheck disable=SC1091
    . "$dir/secrets.env"
    set +a
    cd "$dir"
    dotnet "$dir/app/Lianxin.Web.dll" "$@"
  )
}

start_db() {
  alive "$dir/pg/data/postmaster.pid" 2>/dev/null && return 0
  as_pg "$(pgbin)/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/pg.log" -w \
    -o "-p $pgport -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" \
    start >/dev/null
}

stop_db() {
  [ -d "$dir/pg/data" ] || return 0
  as_pg "$(pgbin)/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}

start_redis() {
  alive "$dir/redis/redis.pid" && return 0
  mkdir -p "$dir/redis"
  redis-server --port "$redisport" --bind 127.0.0.1 --dir "$dir/redis" --appendonly no --save "" \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >/dev/null
  for _ in $(seq 1 50); do listening "$redisport" && return 0; sleep 0.1; done
  die "Redis did not start (see $dir/redis/redis.log)"
}

stop_redis() {
  if alive "$dir/redis/redis.pid"; then
    local pid
    pid=$(cat "$dir/redis/redis.pid")
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$dir/redis/redis.pid"
}

start_node() {
  local n=$1 port=$((base + $1)) d="$dir/node$1"
  [ "$n" -ge 1 ] && [ "$n" -le "$nodes" ] || die "no node $n (the cluster has $nodes)"
  alive "$d/pid" && return 0
  mkdir -p "$d/imports"
  (
    set -a
    # shellcheck disable=SC1091
    . "$dir/node.env"
    # shellcheck disable=SC1091
    . "$dir/secrets.env"
    ASPNETCORE_URLS=http://127.0.0.1:$port
    Incidents__Import__WorkDirectory=$d/imports
    OTEL_SERVICE_INSTANCE_ID=node$n
    set +a
    cd "$d"
    setsid dotnet "$dir/app/Lianxin.Web.dll" >>"$d/out.log" 2>&1 </dev/null &
    echo $! >"$d/pid"
  )
  wait_ready "$port" /health/ready 90 || die "node $n did not become ready (see $d/out.log)"
}

kill_node() {
  local d="$dir/node$1"
  alive "$d/pid" || die "node $1 is not running"
  kill -9 "$(cat "$d/pid")"
  rm -f "$d/pid"
}

stop_node() {
  local d="$dir/node$1" pid
  alive "$d/pid" || { rm -f "$d/pid"; return 0; }
  pid=$(cat "$d/pid")
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$d/pid"
}

start_nginx() {
  alive "$dir/nginx/nginx.pid" && return 0
  mkdir -p "$dir/nginx"
  local servers="" i user=""
  for ((i = 1; i <= nodes; i++)); do
    servers+="        server 127.0.0.1:$((base + i)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  # As root nginx would hand its workers to "nobody", who cannot read this folder.
  [ "$(id -u)" -eq 0 ] && user="user root;"
  {
    echo "# Generated by cluster.sh from nginx-cluster.conf: the site of nginx.conf, on loopback."
    echo "$user"
    echo "worker_processes 2;"
    echo "pid $dir/nginx/nginx.pid;"
    echo "error_log $dir/nginx/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "    access_log $dir/nginx/access.log;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "    ${t}_temp_path $dir/nginx/$t;"; done
    sed -e "s|@PORT@|$base|g" -e '/@SERVERS@/{
r /dev/stdin
d
}' "$here/nginx-cluster.conf" <<<"$servers"
    echo "}"
  } >"$dir/nginx/nginx.conf"
  "$(nginx_bin)" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log"
  wait_ready "$base" /health/live 20 || die "nginx did not start (see $dir/nginx/error.log)"
}

stop_nginx() {
  if alive "$dir/nginx/nginx.pid"; then
    local pid
    pid=$(cat "$dir/nginx/nginx.pid")
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

up() {
  ensure_packages
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required"
  for p in "$base" $(seq $((base + 1)) $((base + nodes))) "$pgport" "$redisport"; do
    listening "$p" && ! [ -f "$dir/cluster.env" ] && die "port $p is taken: set LIANXIN_CLUSTER_PORT"
  done
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chmod 755 "$dir"
  if [ -n "${LIANXIN_CLUSTER_APP:-}" ]; then
    rm -rf "$dir/app"
    ln -s "$(cd "$LIANXIN_CLUSTER_APP" && pwd)" "$dir/app"
  elif [ ! -f "$dir/app/Lianxin.Web.dll" ]; then
    log "publishing the app"
    dotnet publish "$repo/src/Lianxin.Web" -c Release -o "$dir/app" -nologo -v quiet >/dev/null
  fi
  write_env

  if [ ! -d "$dir/pg/data" ]; then
    mkdir -p "$dir/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg"
    as_pg "$(pgbin)/initdb" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$dir/pg/data" >/dev/null
    start_db
    as_pg "$(pgbin)/psql" -q -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE DATABASE lianxin" >/dev/null
  else
    start_db
  fi
  log "PostgreSQL on 127.0.0.1:$pgport"
  start_redis
  log "Redis on 127.0.0.1:$redisport"

  log "migrating"
  run_app migrate >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log"; die "migrate failed"; }
  if [ "${LIANXIN_CLUSTER_SEED:-}" = demo ]; then
    log "seeding the demo county"
    # shellcheck disable=SC2086 # the options are words on purpose
    run_app seed demo ${LIANXIN_CLUSTER_SEED_ARGS:-} | tee "$dir/demo-accounts.txt"
  fi
  for ((i = 1; i <= nodes; i++)); do
    start_node "$i"
    log "node $i on 127.0.0.1:$((base + i))"
  done
  start_nginx
  log "nginx on http://127.0.0.1:$base (state in $dir)"
}

down() {
  stop_nginx
  for d in "$dir"/node*; do [ -d "$d" ] && stop_node "${d##*node}"; done
  stop_redis
  stop_db
  rm -rf "$dir"
}

status() {
  [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir"; return 0; }
  local what
  alive "$dir/nginx/nginx.pid" && what=running || what=stopped
  echo "nginx       127.0.0.1:$base  $what"
  for ((i = 1; i <= nodes; i++)); do
    alive "$dir/node$i/pid" && what=running || what=stopped
    echo "node $i      127.0.0.1:$((base + i))  $what"
  done
  listening "$pgport" && what=running || what=stopped
  echo "PostgreSQL  127.0.0.1:$pgport  $what"
  alive "$dir/redis/redis.pid" && what=running || what=stopped
  echo "Redis       127.0.0.1:$redisport  $what"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill) kill_node "${2:?node number}" ;;
  start) start_node "${2:?node number}" ;;
  stop-redis) stop_redis ;;
  start-redis) start_redis ;;
  stop-db) stop_db ;;
  start-db) start_db ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
