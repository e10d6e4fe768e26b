#!/usr/bin/env bash
# Adds a migration of the read-model context to the migrations project of every provider:
#
#   ./scripts/add-read-model-migration.sh <Name>      e.g. AddTrialBalance
#
# The read-model context holds read_model_generations, processors, processor_parked_events and one
# rm_<name> table per [ReadModel] class of src/EventFlowApp.Ledger (found by ReadModelDesignTimeFactory
# in each migrations project). Run it after adding or changing a ledger read model; the migrations go
# to migrations/EventFlowApp.Migrations.<Provider>/ReadModelMigrations, with their own history table
# (__read_model_migrations), and EventStoreMigrator applies them after the event store's.
# Needs dotnet-ef: dotnet tool install --global dotnet-ef --version 10.0.11
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 <MigrationName>" >&2
  exit 2
fi

NAME="$1"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null 2>&1 || { echo "dotnet-ef not found; install it with: dotnet tool install --global dotnet-ef --version 10.0.11" >&2; exit 1; }

# One provider after the other: each build uses every core.
for provider in Sqlite PostgreSql SqlServer; do
  project="$REPO_ROOT/migrations/EventFlowApp.Migrations.$provider"
  echo "==> $provider: adding read-model migration $NAME" >&2
  dotnet ef migrations add "$NAME" \
    --project "$project" \
    --startup-project "$project" \
    --context ReadModelDbContext \
    --output-dir ReadModelMigrations
done
