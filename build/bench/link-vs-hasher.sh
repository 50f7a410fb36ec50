#!/usr/bin/env bash
# A whole link against the bare password hasher on the same core: link flows per second (authorize → login → consent →
# fragment, ../shared/bench-peers/project/mint.mjs, concurrency 4, app pinned to CPU 0) and, on the same CPU, the bare
# rate of the configured hasher's work — ASP.NET Core Identity's v3 format, PBKDF2-HMAC-SHA512 with 100,000 iterations
# and a 32-byte subkey (IdentityPasswordHasher), computed by Python's hashlib, which calls the same OpenSSL routine .NET
# calls on Linux. Each link verifies one password, so the ratio says how much of a link is the hash (goal ≥ 0.8).
#
#   build/bench/link-vs-hasher.sh [links] [runs]        (defaults: 60 links, 3 runs; medians)
# Results: artifacts/bench/link-vs-hasher.txt.
set -euo pipefail
links=${1:-60}; runs=${2:-3}
source "$(dirname "$0")/common.sh"
peers=$(cd "$root/../shared/bench-peers" && pwd)

bare_rate() { # hashes per second on the app's CPU, for ~3 s
  "${pin_app[@]}" python3 -c '
import hashlib, os, time
salt, n, t0 = os.urandom(16), 0, time.perf_counter()
while time.perf_counter() - t0 < 3:
    hashlib.pbkdf2_hmac("sha512", b"bench-user-password-1", salt, 100_000, 32); n += 1
print(f"{n / (time.perf_counter() - t0):.2f}")'
}

link_rows=(); bare_rows=()
for run in $(seq 1 "$runs"); do
  rm -f "$work/bench.db"*
  bench_start_app
  mkdir -p "$work/mint"
  line=$(node "$peers/project/mint.mjs" "$base" "$key" "$links" "$work/mint" 4)
  link_rows+=("$(sed -n 's/.*s: \([0-9.]*\) link flows\/s.*/\1/p' <<<"$line")")
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  bare_rows+=("$(bare_rate)")
done
link=$(printf '%s\n' "${link_rows[@]}" | median); bare=$(printf '%s\n' "${bare_rows[@]}" | median)
{
  echo "link flows vs the bare password hasher, one core — $(date -u +%FT%TZ), $(nproc) cores, SQLite, $links links x $runs runs"
  echo "link flows/s (concurrency 4): ${link_rows[*]} → median $link"
  echo "bare PBKDF2-HMAC-SHA512 x100000 /s: ${bare_rows[*]} → median $bare"
  awk -v l="$link" -v b="$bare" 'BEGIN{printf "ratio link/bare: %.2f (goal >= 0.8)\n", l / b}'
} | tee "$out/link-vs-hasher.txt"
