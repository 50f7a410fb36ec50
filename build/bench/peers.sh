#!/usr/bin/env bash
# The token hot path side by side with the bare baseline and node-oidc-provider: ../shared/bench-peers/run-peers.sh,
# PASSES times (default 3), then one table of medians over the passes with the ratios measured within each pass.
#
#   build/bench/peers.sh                 (knobs of run-peers.sh pass through: ONLY, DURATION, PROJECT_TOKENS, PIN, …)
#   PASSES=5 build/bench/peers.sh
#
# run-peers.sh starts the product in the Development environment, whose appsettings.Development.json lifts the
# per-skill, per-tenant, per-address and per-key rate limits (one load generator on loopback is not a crowd of users).
# Output: artifacts/bench-peers/out/run-<id>-<n>/ per pass, and artifacts/bench/peers.txt (a markdown table: medians,
# and the ratios to the peer's user-token introspection and to the baseline's in-memory lookup taken inside each pass).
# run-peers.sh starts the product on SQLite only; PostgreSQL figures come from build/bench/scale.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
passes=${PASSES:-3}
id=${RUN_ID:-$(date +%Y%m%d-%H%M%S)}
export PROJECT_TOKENS=${PROJECT_TOKENS:-100}
mkdir -p artifacts/bench
runs=()
for n in $(seq 1 "$passes"); do
  echo "[$(date +%H:%M:%S)] pass $n/$passes (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  RUN_ID="$id-$n" ../shared/bench-peers/run-peers.sh >"artifacts/bench/peers-pass-$n.log" 2>&1 || { tail -20 "artifacts/bench/peers-pass-$n.log" >&2; exit 1; }
  runs+=("artifacts/bench-peers/out/run-$id-$n")
done

# Medians over the passes of req/s, p99, req per server CPU-second and of the ratios taken inside each pass.
python3 - "${runs[@]}" <<'PY' | tee artifacts/bench/peers.txt
import csv, statistics, sys, re
passes = []
for run in sys.argv[1:]:
    rows = {r['endpoint']: r for r in csv.DictReader(open(f'{run}/results.tsv'), delimiter='\t')}
    env = open(f'{run}/env.txt').read()
    rss = {}
    for mib, cmd in re.findall(r'rss after load: pid \d+ (\d+) MiB (.*)', env):
        for who in ('AlexaLinkHub', 'server.mjs', 'Baseline'):
            if who in cmd:
                rss[who] = mib
    load = re.findall(r'loadavg at (?:start|end): ([\d.]+)', env)
    passes.append((rows, rss, load))
med = lambda xs: statistics.median(xs) if xs else float('nan')
peer, base = 'oidc-introspect-user', 'baseline-introspect-fake'
names = [n for n in passes[0][0]]
print(f"{len(passes)} passes (SQLite); load average at start/end of each: " + ", ".join('/'.join(p[2]) for p in passes))
print()
print("| endpoint | req/s | p50 ms | p99 ms | req/cpu-s | × peer | × baseline | × peer per CPU-s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name in names:
    got = [p[0][name] for p in passes if name in p[0]]
    f = lambda k: med([float(r[k]) for r in got])
    ratio = lambda other, k='req_s': med([float(p[0][name][k]) / float(p[0][other][k]) for p in passes if name in p[0] and other in p[0] and float(p[0][other][k]) > 0])
    print(f"| {name} | {f('req_s'):,.0f} | {f('p50_ms'):.2f} | {f('p99_ms'):.2f} | {f('req_per_srv_cpu_s'):,.0f} | {ratio(peer):.2f} | {ratio(base):.2f} | {ratio(peer, 'req_per_srv_cpu_s'):.2f} |")
for who in ('AlexaLinkHub', 'server.mjs', 'Baseline'):
    values = [float(p[1][who]) for p in passes if who in p[1]]
    if values:
        print(f"\nRSS after load, {who}: median {med(values):.0f} MiB", end="")
print()
PY
