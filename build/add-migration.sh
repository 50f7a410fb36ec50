#!/usr/bin/env bash
# Adds an EF Core migration for every database provider (one model, three migration sets).
# Usage: build/add-migration.sh <MigrationName>
set -euo pipefail
name=${1:?usage: build/add-migration.sh <MigrationName>}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}AppDbContext" \
    --output-dir "Persistence/Migrations/$provider" \
    --namespace "AlexaLinkHub.Infrastructure.Persistence.Migrations.$provider"
  # With --namespace, EF writes the model snapshot under a folder named after the namespace; move it home.
  stray="src/Infrastructure/AlexaLinkHub/Infrastructure/Persistence/Migrations/$provider"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "src/Infrastructure/Persistence/Migrations/$provider/"; fi
done
rm -rf src/Infrastructure/AlexaLinkHub
