#!/usr/bin/env bash
# The skill-backend kit against a Release build on a fresh SQLite database: how long a revoked token keeps working at
# the skill (revoke in the admin API → webhook → eviction → LinkAccount card), and how many introspection calls one
# user's steady traffic costs per minute. Needs node/npm (Node 20). Results: artifacts/bench/revocation-delay.txt.
#   build/bench/revocation-delay.sh [rounds=10] [seconds=70]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p artifacts/bench
dotnet publish src/Web -c Release -o "$work/app" -nologo -v quiet >/dev/null
(cd sdk/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
ALH_WEB_DLL="$work/app/AlexaLinkHub.Web.dll" node sdk/node/bench/revocation-delay.mjs "${1:-10}" "${2:-70}" | tee artifacts/bench/revocation-delay.txt
