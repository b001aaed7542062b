#!/usr/bin/env bash
# The ledgers under load: one Release node on loopback over PostgreSQL, the demo county seeded into a database of its
# own, then wrk at 32 connections on each ledger's API, the statistics API and a resident lookup, each run next to a
# run of /health/live, printed as the ratio of their rates. Stops the node it started (the database is kept, so a
# second run skips the seed; `--reseed` drops it first).
#
#   bench/ledgers.sh --pg "Host=127.0.0.1;Port=5432;Username=postgres" [--user leader] [--seconds 15]
#                    [--disputes 10000] [--incidents 50000] [--port 5199] [--reseed]
#
# With `--circuits N` it measures memory instead: N console tabs of the dispute ledger opened in a headless Chromium on
# the node it started, and the node's memory before and after (the `circuits` command of bench/Lianxin.Bench).
#
# With `--cluster <cluster.env>` it measures a running cluster (deploy/cluster.sh up, seeded with the demo county)
# through its nginx instead: every line and its /health/live run go through the proxy to the same nodes.
set -euo pipefail
cd "$(dirname "$0")/.."

PG="" USER_NAME=leader SECONDS_EACH=15 DISPUTES=10000 INCIDENTS=50000 PORT=5199 RESEED=0 DB=lianxin_bench_ledgers
CLUSTER="" CIRCUITS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pg) PG="$2"; shift 2 ;;
    --cluster) CLUSTER="$2"; shift 2 ;;
    --circuits) CIRCUITS="$2"; shift 2 ;;
    --user) USER_NAME="$2"; shift 2 ;;
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --disputes) DISPUTES="$2"; shift 2 ;;
    --incidents) INCIDENTS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --reseed) RESEED=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$CLUSTER" ]; then
  # shellcheck disable=SC1090
  . "$CLUSTER"
  PG=${LIANXIN_CLUSTER_DB%;Database=*}
  DB=${LIANXIN_CLUSTER_DB##*;Database=}
fi
[ -n "$PG" ] || { echo "--pg is required (a PostgreSQL server to create the database $DB on)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

WORK=bench/.data/ledgers
psql_() { psql "$(echo "$PG" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/') dbname=$1" -qtAX -c "$2"; }
if [ -n "$CLUSTER" ]; then
  WORK=bench/.data/ledgers-cluster
  mkdir -p "$WORK"
  [ -s "$(dirname "$CLUSTER")/demo-accounts.txt" ] || { echo "the cluster was not seeded: LIANXIN_CLUSTER_SEED=demo" >&2; exit 2; }
  # A new cluster has new accounts: forget the password changed on the last one.
  cmp -s "$(dirname "$CLUSTER")/demo-accounts.txt" "$WORK/accounts.txt" || rm -f "$WORK/password"
  cp "$(dirname "$CLUSTER")/demo-accounts.txt" "$WORK/accounts.txt"
  BASE=$LIANXIN_CLUSTER_URL
else
  mkdir -p "$WORK"
  # Fixed keys for this throwaway database only; never for real data.
  export Database__Provider=Postgres
  export ConnectionStrings__Lianxin="$PG;Database=$DB"
  export PersonalData__EncryptionKey="bGlhbnhpbi1iZW5jaC1sZWRnZXJzLWVuY3J5cHRrZXk="
  export PersonalData__BlindIndexKey="bGlhbnhpbi1iZW5jaC1sZWRnZXJzLWJsaW5kaW5kZXg="
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning

  # Published, as a server runs it: a build's output in Production serves no static files (the console's scripts).
  dotnet publish src/Lianxin.Web -c Release -o "$WORK/app" -v q -nologo >/dev/null
  APP=(dotnet "$WORK/app/Lianxin.Web.dll")

  [ "$RESEED" = 1 ] && psql_ postgres "DROP DATABASE IF EXISTS $DB" >/dev/null
  if [ "$(psql_ postgres "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 0 ] || [ ! -s "$WORK/accounts.txt" ]; then
    psql_ postgres "DROP DATABASE IF EXISTS $DB" >/dev/null
    psql_ postgres "CREATE DATABASE $DB" >/dev/null
    echo "seeding the demo county ($DISPUTES disputes, $INCIDENTS incidents)…"
    "${APP[@]}" seed demo --disputes="$DISPUTES" --incidents="$INCIDENTS" > "$WORK/accounts.txt"
    rm -f "$WORK/password"
  fi

  "${APP[@]}" --urls "http://127.0.0.1:$PORT" > "$WORK/node.log" 2>&1 &
  NODE=$!
  trap 'kill $NODE 2>/dev/null || true; wait $NODE 2>/dev/null || true' EXIT
  BASE="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do curl -fs "$BASE/health/live" >/dev/null 2>&1 && break; sleep 0.5; done
fi

# The seeded one-time password is changed once; later runs reuse the new one.
NEWPW="Bench-Ledgers-2026!"
if [ ! -s "$WORK/password" ]; then
  ONCE=$(grep -E "^\s*$USER_NAME\b" "$WORK/accounts.txt" | awk '{print $2}' | head -1)
  curl -fs -o /dev/null -H 'Content-Type: application/json' "$BASE/api/v1/auth/change-password" \
    -d "{\"userName\":\"$USER_NAME\",\"currentPassword\":\"$ONCE\",\"newPassword\":\"$NEWPW\"}"
  echo "$NEWPW" > "$WORK/password"
fi
if [ "$CIRCUITS" -gt 0 ]; then
  [ -z "$CLUSTER" ] || { echo "--circuits measures one node this script starts, not a cluster" >&2; exit 2; }
  dotnet build bench/Lianxin.Bench -c Release -v q -nologo | grep -E " error " && exit 1
  dotnet bench/Lianxin.Bench/bin/Release/net10.0/Lianxin.Bench.dll circuits --url "$BASE" --user "$USER_NAME" \
    --password "$(cat "$WORK/password")" --pid "$NODE" --circuits "$CIRCUITS"
  exit 0
fi

TOKEN=$(curl -fs -H 'Content-Type: application/json' "$BASE/api/v1/auth/token" \
  -d "{\"userName\":\"$USER_NAME\",\"password\":\"$(cat "$WORK/password")\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

# A resident of the user's scope, looked up by exact ID number as an officer types it: the number is revealed once
# here (audited like any reveal) and then asked for by the list's idNumber filter.
RID=$(curl -fs -H "$AUTH" "$BASE/api/v1/residents?pageSize=1&page=7" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
IDNO=$(curl -fs -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"reason":"bench"}' \
  "$BASE/api/v1/residents/$RID/reveal" | sed -E 's/.*"idNumber":"([^"]+)".*/\1/')
# A deep page by key: follow `next` 50 times from the first page of the resident list.
NEXT=""
for _ in $(seq 1 50); do
  NEXT=$(curl -fs -H "$AUTH" "$BASE/api/v1/residents?pageSize=20${NEXT:+&after=$NEXT}" | sed -E 's/.*"next":"([^"]+)".*/\1/')
done
SCOPE=$(psql_ "$DB" "SELECT count(*) FROM \"Residents\" r JOIN \"OrgUnits\" o ON o.\"Id\" = r.\"OrgUnitId\"
  WHERE o.\"Path\" LIKE (SELECT u.\"Path\" FROM \"OrgUnits\" u JOIN \"AspNetUsers\" a ON a.\"OrgUnitId\" = u.\"Id\"
  WHERE a.\"UserName\" = '$USER_NAME') || '%'" 2>/dev/null || echo "?")
echo "user $USER_NAME, residents in scope: $SCOPE"

rate() { # url [header] -> requests/s (non-2xx responses make the run fail)
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency -H "$2" "$1"); else out=$(wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency "$1"); fi
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $1" >&2; echo "$out" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}')"
}

printf '%-34s %10s %10s %10s %12s %8s\n' endpoint "req/s" "p50" "live req/s" "live p50" ratio
run() { # name url
  read -r live live50 < <(rate "$BASE/health/live")
  read -r r p50 < <(rate "$2" "$AUTH")
  printf '%-34s %10s %10s %10s %12s %8s\n' "$1" "$r" "$p50" "$live" "$live50" "1/$(awk -v a="$live" -v b="$r" 'BEGIN {printf "%.1f", a / b}')"
}
YEAR=$(date +%Y)
# The floor of any API call as this user: the bearer checked, the account and its session read, nothing listed.
run "auth/me (signed-in floor)" "$BASE/api/v1/auth/me"
run "residents, page 1" "$BASE/api/v1/residents?pageSize=20"
run "residents, page 51 by key" "$BASE/api/v1/residents?pageSize=20&after=$NEXT"
run "residents, page 51 by offset" "$BASE/api/v1/residents?pageSize=20&page=51"
run "resident lookup by ID number" "$BASE/api/v1/residents?idNumber=$IDNO"
run "disputes, page 1" "$BASE/api/v1/disputes?pageSize=20"
run "incidents, page 1" "$BASE/api/v1/incidents?pageSize=20"
run "incident statistics, this year" "$BASE/api/v1/incidents/statistics?from=$YEAR-01-01&to=$(date +%F)"
