#!/usr/bin/env bash
# Bulk user import on SQLite: rows per second (with password hashes, which an import stores without verifying) and the
# app's peak resident memory, for files of two sizes, against a baseline measured in the same run.
#
#   build/bench/import.sh [runs] [sizes]        (defaults: 3 runs; sizes "100000 1000000")
#
# Starts the app (Release, SQLite in a fresh temp folder), writes NDJSON files of N users (bcrypt hashes from the
# committed fixtures), uploads each to POST /api/v1/tenants/{slug}/users/import (a new tenant per run) with curl and
# polls GET …/users/imports/{id} until it completes. rows/s = rows ÷ (upload start → completed). Peak RSS is the
# process's high-water mark during the run (reset before each run through /proc/PID/clear_refs); "growth" is that peak
# minus the resident memory just before the upload. Baseline: the same rows inserted by Python's sqlite3 into a
# table with the same unique indexes, in one transaction, on the same disk — what this machine's SQLite can do.
# Reports medians; the table also goes to artifacts/bench/import.txt.
#
# One 1 M-row run: `build/bench/import.sh 1 1000000` — the file (~180 MB) is written in ~10 s, the upload streams it
# (memory does not grow with it) and the whole run takes a few minutes on 2 cores (longer on a busy machine).
# IMPORT_TRACE=path.nettrace samples the first import's first IMPORT_TRACE_SECONDS (15) with dotnet-trace (thread time;
# `dotnet dotnet-trace report path topN` or convert to speedscope). BENCH_PORT defaults to a free port.
set -euo pipefail
runs=${1:-3}
sizes=${2:-"100000 1000000"}
BENCH_PORT=${BENCH_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
source "$(dirname "$0")/common.sh"
py=/usr/bin/python3

bench_start_app
hash=$($py -c 'import json,sys; print(next(h["hash"] for h in json.load(open(sys.argv[1]))["hashes"] if h["name"]=="bcrypt-2b"))' \
  tests/TestSupport/Fixtures/foreign-hashes.json)

make_file() { # rows path
  $py - "$1" "$2" "$hash" <<'PY'
import json, sys
rows, path, h = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(path, "w") as f:
    for i in range(rows):
        f.write(json.dumps({"email": f"user{i}@bench.example", "displayName": f"Bench User {i}", "externalId": f"crm-{i}", "passwordHash": h}) + "\n")
PY
}

baseline() { # rows path → rows/s
  $py - "$1" "$2" "$work/baseline.db" <<'PY'
import json, os, sqlite3, sys, time, uuid
rows, path, db = int(sys.argv[1]), sys.argv[2], sys.argv[3]
if os.path.exists(db): os.remove(db)
c = sqlite3.connect(db); c.execute("pragma journal_mode=wal"); c.execute("pragma synchronous=normal")
c.execute("create table u (id blob primary key, tenant blob, email text, nemail text, name text, ext text, hash text, stamp text)")
c.execute("create unique index u1 on u(tenant, nemail)"); c.execute("create unique index u2 on u(tenant, ext)")
t = uuid.uuid4().bytes; start = time.time()
with open(path) as f, c:
    c.executemany("insert into u values (?,?,?,?,?,?,?,?)",
        ((uuid.uuid4().bytes, t, r["email"], r["email"].upper(), r["displayName"], r["externalId"], r["passwordHash"], uuid.uuid4().hex)
         for r in map(json.loads, f)))
print(int(rows / (time.time() - start)))
PY
}

kib() { awk -v k="$1" '$1==k":"{print $2}' "/proc/$app/status"; }

run_import() { # rows path slug → "rows/s growth_mib peak_mib"
  local rows=$1 file=$2 slug=$3
  api -X POST "$base/api/v1/tenants" -d "{\"slug\":\"$slug\",\"displayName\":\"Bench\"}" >/dev/null
  sleep 1
  echo 5 > "/proc/$app/clear_refs"        # resets VmHWM to the current RSS
  local before; before=$(kib VmRSS)
  local start; start=$(date +%s.%N)
  if [ -n "${IMPORT_TRACE:-}" ] && [ ! -e "$IMPORT_TRACE" ]; then   # CPU profile of the first import's first seconds
    dotnet dotnet-trace collect -p "$app" --profile dotnet-sampled-thread-time --duration "00:00:00:${IMPORT_TRACE_SECONDS:-15}" \
      -o "$IMPORT_TRACE" >"$work/trace.log" 2>&1 &
    tracer=$!; sleep 2
  fi
  local id; id=$(curl -sf -H "Authorization: Bearer $key" -H 'content-type: application/x-ndjson' --data-binary "@$file" \
    "$base/api/v1/tenants/$slug/users/import" | $py -c 'import json,sys;print(json.load(sys.stdin)["id"])')
  local status=running body
  while [ "$status" = running ]; do
    sleep 0.5
    body=$(api "$base/api/v1/tenants/$slug/users/imports/$id")
    status=$($py -c 'import json,sys;print(json.load(sys.stdin)["status"])' <<<"$body")
  done
  local end; end=$(date +%s.%N)
  if [ -n "${tracer:-}" ]; then wait "$tracer" || true; tracer=""; fi
  local created; created=$($py -c 'import json,sys;print(json.load(sys.stdin)["created"])' <<<"$body")
  [ "$status" = completed ] && [ "$created" = "$rows" ] || { echo "import $slug: $status, created $created of $rows: $body" >&2; exit 1; }
  local peak; peak=$(kib VmHWM)
  awk -v r="$rows" -v s="$start" -v e="$end" -v b="$before" -v p="$peak" 'BEGIN{printf "%d %.0f %.0f\n", r/(e-s), (p-b)/1024, p/1024}'
}

{
  echo "AlexaLinkHub import benchmark — $(date -u +%FT%TZ), $(nproc) cores, SQLite, NDJSON with bcrypt hashes, ${runs} runs each"
  printf '%-9s %10s %13s %8s %15s %13s   %s\n' rows "rows/s" "baseline r/s" ratio "RSS growth MiB" "peak RSS MiB" "all runs (rows/s growth peak)"
  for rows in $sizes; do
    file="$work/users-$rows.ndjson"
    make_file "$rows" "$file"
    rates=(); growths=(); peaks=(); bases=(); all=()
    for i in $(seq 1 "$runs"); do
      read -r rate growth peak < <(run_import "$rows" "$file" "bench-$rows-$i")
      rates+=("$rate"); growths+=("$growth"); peaks+=("$peak"); all+=("$rate/$growth/$peak")
      bases+=("$(baseline "$rows" "$file")")
    done
    r=$(printf '%s\n' "${rates[@]}" | median); b=$(printf '%s\n' "${bases[@]}" | median)
    printf '%-9s %10s %13s %8s %15s %13s   %s\n' "$rows" "$r" "$b" "$(awk -v r="$r" -v b="$b" 'BEGIN{printf "%.3f", r/b}')" \
      "$(printf '%s\n' "${growths[@]}" | median)" "$(printf '%s\n' "${peaks[@]}" | median)" "${all[*]}"
    rm -f "$file"
  done
} | tee "$out/import.txt"
