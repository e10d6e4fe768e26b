#!/usr/bin/env bash
# Adds a read-model migration named $1 for every provider, from the read models of the ledger
# (see migrations/*/ReadModelDesignTimeFactory.cs). Needs dotnet-ef: dotnet tool install -g dotnet-ef
set -euo pipefail
name="${1:?usage: scripts/add-read-model-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
for provider in Sqlite PostgreSql SqlServer; do
  project="migrations/EventFlowApp.Migrations.$provider"
  dotnet ef migrations add "$name" --context ReadModelDbContext --project "$project" --startup-project "$project" --output-dir ReadModelMigrations
  rm -f "$project"/design-time.db*
done
