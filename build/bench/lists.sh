#!/usr/bin/env bash
# The console's lists at scale (issue 18, ADR 020): USERS end users (default 1 M) in one tenant — each with a link and a
# token — plus as many audit events, and two noise tenants of NOISE users and events each (default USERS/4), seeded
# straight into the database (build/bench/seed-tokens.sh for users, links and tokens; one INSERT … SELECT per batch for
# audit events), on SQLite and on PostgreSQL. Then, through real HTTP on the Release build (app pinned to CPU 0, client to
# CPU 1), REQUESTS sequential requests per query (default 200, after 20 warm-up): users first page, a deep page by cursor,
# the same deep page by the older ?page= (OFFSET, for contrast), email-prefix search, external-id search, audit first and
# deep page, a user's links; baseline /health/live. One markdown table of p50 / p95 / p99 in ms, to
# artifacts/bench/lists.md.
#
#   build/bench/lists.sh                      # 1 M users per provider (seeding takes minutes)
#   USERS=100000 build/bench/lists.sh         # a quick run
#   PROVIDERS=sqlite build/bench/lists.sh     # one provider (sqlite, postgres)
#
# PostgreSQL: BENCH_POSTGRES (an Npgsql connection string of a role that may create databases; default the tests' own,
# alh_test on 127.0.0.1:5432) — a database alh_bench_<random> is created and dropped.
set -euo pipefail
USERS=${USERS:-1000000}
NOISE=${NOISE:-$((USERS / 4))}
REQUESTS=${REQUESTS:-200}
PROVIDERS=${PROVIDERS:-sqlite postgres}
BENCH_POSTGRES=${BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=alh_test;Password=alh_test;Database=postgres}
# shellcheck source=build/bench/common.sh
source "$(dirname "$0")/common.sh"
command -v psql >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq postgresql-client >/dev/null; } || { echo "psql is required (apt-get install postgresql-client)"; exit 2; }

declare -A pg
IFS=';' read -ra pairs <<< "$BENCH_POSTGRES"
for pair in "${pairs[@]}"; do [ -n "$pair" ] && pg[${pair%%=*}]=${pair#*=}; done
pg_db=""
pg_admin() { PGHOST=${pg[Host]} PGPORT=${pg[Port]:-5432} PGUSER=${pg[Username]} PGPASSWORD=${pg[Password]:-} psql -qAt -d "${pg[Database]:-postgres}" "$@"; }
lists_cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$pg_db" ] && pg_admin -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
  app=""; pg_db=""
}
trap 'lists_cleanup; cleanup' EXIT

stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

# Audit events, copies of the tenant's newest one, one second apart going back in time; prints nothing.
seed_audit() { # provider target slug count
  local provider=$1 target=$2 slug=$3 count=$4
  if [ "$provider" = sqlite ]; then
    python3 - "$target" "$slug" "$count" <<'PY'
import sqlite3, sys, uuid
path, slug, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(path, timeout=30)
tenant = db.execute('SELECT "Id" FROM "Tenants" WHERE "Slug" = ?', (slug,)).fetchone()[0]
template = db.execute('SELECT "Id", "OccurredAt" FROM "AuditEvents" WHERE "TenantId" = ? ORDER BY "OccurredAt" DESC LIMIT 1', (tenant,)).fetchone()
cols = [r[1] for r in db.execute('PRAGMA table_info("AuditEvents")')]
values = ", ".join("?" if c in ("Id", "OccurredAt") else f'"{c}"' for c in cols)
order = [c for c in cols if c in ("Id", "OccurredAt")]
sql = f'INSERT INTO "AuditEvents" ({", ".join(chr(34) + c + chr(34) for c in cols)}) SELECT {values} FROM "AuditEvents" WHERE "Id" = ?'
# EF's DateTimeOffsetToBinaryConverter: (ticks / 1000) << 11 | offset minutes; all times are UTC, so one second is 10^4 << 11.
second = 10_000 << 11
for first in range(0, count, 50_000):
    rows = []
    for i in range(first, min(count, first + 50_000)):
        at = {"Id": str(uuid.uuid4()).upper(), "OccurredAt": template[1] - (i + 1) * second}
        rows.append([at[c] for c in order] + [template[0]])
    with db:
        db.executemany(sql, rows)
PY
  else
    PGHOST=${pg[Host]} PGPORT=${pg[Port]:-5432} PGUSER=${pg[Username]} PGPASSWORD=${pg[Password]:-} psql -qAt -v ON_ERROR_STOP=1 -d "$pg_db" -v slug="$slug" -v count="$count" <<'SQL'
INSERT INTO "AuditEvents" ("Id", "TenantId", "Actor", "Action", "Target", "Details", "SourceIp", "OccurredAt")
  SELECT gen_random_uuid(), e."TenantId", e."Actor", e."Action", e."Target", e."Details", e."SourceIp", e."OccurredAt" - s.i * interval '1 second'
  FROM generate_series(1, :count) AS s(i),
       (SELECT a.* FROM "AuditEvents" a JOIN "Tenants" t ON t."Id" = a."TenantId" WHERE t."Slug" = :'slug' ORDER BY a."OccurredAt" DESC LIMIT 1) AS e;
ANALYZE "AuditEvents";
SQL
  fi
}

# A tenant with a skill and ann linked through the real flow, then COUNT users (links, tokens) and COUNT audit events.
seed_tenant() { # provider target slug count
  local provider=$1 target=$2 slug=$3 count=$4 client="$3-skill" redirect="https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"
  bench_arrange "$client" implicit "$redirect" "$slug" >/dev/null
  rm -f "$jar"; bench_link "$client" token "$redirect" "$slug" >/dev/null
  if [ "$provider" = sqlite ]; then
    build/bench/seed-tokens.sh --sqlite "$target" --count "$count" --out "$work/tokens-$slug" --client "$client"
  else
    build/bench/seed-tokens.sh --postgres "$target" --count "$count" --out "$work/tokens-$slug" --client "$client"
  fi
  rm -f "$work/tokens-$slug"
  seed_audit "$provider" "$target" "$slug" "$count"
}

measure() { # provider
  "${pin_load[@]}" python3 - "$base" "$key" "$REQUESTS" "$1" "$USERS" <<'PY'
import http.client, json, random, sys, time, urllib.parse
base, key, requests, provider, users = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
host = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
headers = {"Authorization": f"Bearer {key}"}
def get(path):
    conn.request("GET", path, headers=headers)
    r = conn.getresponse(); body = r.read()
    if r.status != 200:
        sys.exit(f"{path}: HTTP {r.status} {body[:300]!r}")
    return body
def page(path):
    return json.loads(get(path))
q = urllib.parse.quote
tenant = "/api/v1/tenants/bench"
rng = random.Random(18)
seeded = lambda: rng.randrange(1, users)  # seed-tokens.sh numbers its users from 0 (SQLite) or 1 (PostgreSQL)
# Positions spread over the whole list, found once through the older ?page= (an OFFSET), then read by their cursors.
deep_pages = [rng.randrange(2, users // 25) for _ in range(20)]
user_cursors = [page(f"{tenant}/users?pageSize=25&page={p}")["next"] for p in deep_pages]
audit_cursors = [page(f"{tenant}/audit?pageSize=50&page={rng.randrange(2, users // 50)}")["next"] for _ in range(20)]
user_ids = [page(f"{tenant}/users?search={q(f'crm-1-seed{seeded()}')}")["items"][0]["id"] for _ in range(20)]
assert all(user_cursors) and all(audit_cursors) and len(user_ids) == 20
queries = [
    ("baseline: GET /health/live", lambda i: "/health/live"),
    ("users, first page", lambda i: f"{tenant}/users?pageSize=25"),
    ("users, deep page (cursor)", lambda i: f"{tenant}/users?pageSize=25&after={q(user_cursors[i % 20])}"),
    ("users, deep page (?page=, OFFSET)", lambda i: f"{tenant}/users?pageSize=25&page={deep_pages[i % 20]}"),
    ("users, email prefix", lambda i: f"{tenant}/users?search=seed{seeded() // 100}"),
    ("users, external id", lambda i: f"{tenant}/users?search={q(f'crm-1-seed{seeded()}')}"),
    ("audit, first page", lambda i: f"{tenant}/audit?pageSize=50"),
    ("audit, deep page (cursor)", lambda i: f"{tenant}/audit?pageSize=50&after={q(audit_cursors[i % 20])}"),
    ("links of a user", lambda i: f"{tenant}/users/{user_ids[i % 20]}/links"),
]
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
for name, path in queries:
    # The OFFSET row is for contrast only: fewer requests, it is slow by design.
    n = requests if "OFFSET" not in name else max(20, requests // 10)
    for i in range(min(20, n)):
        get(path(i))
    times = []
    for i in range(n):
        p = path(i); t = time.perf_counter(); get(p); times.append((time.perf_counter() - t) * 1000)
    print(f"| {provider} | {name} | {pct(times, 50):.1f} | {pct(times, 95):.1f} | {pct(times, 99):.1f} | {n} |", flush=True)
PY
}

results="$work/results"
: > "$results"
echo "publishing the Release build…" >&2
for provider in $PROVIDERS; do
  start=$(date +%s)
  if [ "$provider" = sqlite ]; then
    target="$work/bench.db"; rm -f "$target"*
    BENCH_DB_PROVIDER=Sqlite BENCH_DB_CONNECTION="Data Source=$target" bench_start_app
  else
    pg_db="alh_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    pg_admin -c "CREATE DATABASE $pg_db" >/dev/null
    target="Host=${pg[Host]};Port=${pg[Port]:-5432};Username=${pg[Username]};Password=${pg[Password]:-};Database=$pg_db"
    BENCH_DB_PROVIDER=PostgreSql BENCH_DB_CONNECTION="$target" bench_start_app
  fi
  seed_tenant "$provider" "$target" bench "$USERS"
  seed_tenant "$provider" "$target" noise1 "$NOISE"
  seed_tenant "$provider" "$target" noise2 "$NOISE"
  stop_app
  [ "$provider" = sqlite ] && python3 -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute("ANALYZE")' "$target"
  echo "$provider: seeded $USERS users, links, tokens and audit events (+2 × $NOISE noise) in $(( $(date +%s) - start )) s" >&2
  # A fresh process, so nothing seeded sits in its caches.
  if [ "$provider" = sqlite ]; then
    BENCH_DB_PROVIDER=Sqlite BENCH_DB_CONNECTION="Data Source=$target" bench_start_app
  else
    BENCH_DB_PROVIDER=PostgreSql BENCH_DB_CONNECTION="$target" bench_start_app
  fi
  measure "$provider" | tee -a "$results" >&2
  lists_cleanup
done

{
  echo "Lists at $USERS users in one tenant (+2 noise tenants of $NOISE), $REQUESTS sequential requests per query, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo
  echo "| provider | query | p50 ms | p95 ms | p99 ms | requests |"
  echo "|---|---|---:|---:|---:|---:|"
  cat "$results"
} | tee "$out/lists.md"
