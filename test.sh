#!/usr/bin/env bash
# The one test command. Installs what the tests need when it is missing (Debian packages), starts a
# throwaway PostgreSQL and Redis on loopback ports, runs every test, prints a summary and cleans up.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '== %s\n' "$*"; }

# 1. What the tests need from the system.
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || need+=(nginx-light)
# grep without -q reads all of fc-list's output: with pipefail, an early exit would fail the pipe (SIGPIPE) and reinstall.
{ command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; } || need+=(fonts-noto-cjk fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "missing packages: ${need[*]} (install them, or run as root)"; exit 1; fi
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Packages may start their own services (nginx on port 80, Redis on 6379): the tests use none of them.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop nginx redis-server >/dev/null 2>&1 || true; fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "the .NET 10 SDK is required"; exit 1; }

# 2. A throwaway PostgreSQL cluster on a free loopback port (the server refuses to run as root).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d)
port=""
cport=""
for p in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port for PostgreSQL"; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -f "$work/cluster/cluster.env" ]; then LIANXIN_CLUSTER_DIR="$work/cluster" LIANXIN_CLUSTER_PORT="$cport" deploy/cluster.sh down >/dev/null 2>&1 || true; fi
  as_pg "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
as_pg "$pgbin/initdb" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$work/data" >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
log "PostgreSQL on 127.0.0.1:$port"
export LIANXIN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=20"

# A throwaway Redis on the next free loopback port, for the backplane between two nodes; nothing kept on disk.
rport=""
for p in $(seq $((port + 1)) 56532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then rport=$p; break; fi
done
[ -n "$rport" ] || { echo "no free port for Redis"; exit 1; }
redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" >/dev/null
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$rport") 2>/dev/null && break; sleep 0.1; done
log "Redis on 127.0.0.1:$rport"
export LIANXIN_TEST_REDIS="127.0.0.1:$rport"
export LIANXIN_CHROMIUM="${LIANXIN_CHROMIUM:-$(command -v chromium)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 3. Build once, then every test project.
results="$work/results"
log "building"
dotnet build Lianxin.slnx -c Release -nologo -v quiet
status=0
# The unit and integration tests first, then the browser tests on their own: a browser test waits on a
# page that answers in time only when the machine is not also busy with the other project's tests.
dotnet test tests/Lianxin.Tests -c Release --no-build --filter 'FullyQualifiedName!~Cluster.Running' --logger "trx" \
  --results-directory "$results" -- xUnit.ParallelizeTestCollections=true || status=$?
dotnet test tests/Lianxin.BrowserTests -c Release --no-build --logger "trx" --results-directory "$results" || status=$?

# 4. The deployment itself: deploy/cluster.sh starts PostgreSQL, Redis, two app nodes of this build and nginx on
# loopback, and the cluster tests kill nodes and stop Redis and PostgreSQL under it.
for b in $(seq 18080 20 19980); do
  free=1
  for p in $b $((b + 1)) $((b + 2)) $((b + 10)) $((b + 11)); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && free=0; done
  [ $free -eq 1 ] && { cport=$b; break; }
done
[ -n "$cport" ] || { echo "no free ports for the cluster"; exit 1; }
log "cluster on 127.0.0.1:$cport"
dotnet publish src/Lianxin.Web -c Release --no-build -o "$work/app" -nologo -v quiet >/dev/null
if LIANXIN_CLUSTER_DIR="$work/cluster" LIANXIN_CLUSTER_PORT="$cport" LIANXIN_CLUSTER_APP="$work/app" deploy/cluster.sh up; then
  LIANXIN_CLUSTER="$work/cluster/cluster.env" dotnet test tests/Lianxin.Tests -c Release --no-build \
    --filter 'FullyQualifiedName~Cluster.Running' --logger "trx" --results-directory "$results" || status=$?
else
  echo "the cluster did not start"; status=1
fi
LIANXIN_CLUSTER_DIR="$work/cluster" LIANXIN_CLUSTER_PORT="$cport" deploy/cluster.sh down >/dev/null 2>&1 || true

# 5. One summary line across all projects.
passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  c=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$c"); passed=$((passed + ${p:-0}))
  q=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$c"); failed=$((failed + ${q:-0}))
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$c"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$c")
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit $status
