#!/usr/bin/env bash
# Writes the compiled EF models, one per provider, from EmbassyDbContext's configuration (README.md beside this file).
# Run after any change to an entity or to EmbassyDbContext's model configuration; CompiledModelTests fails until then.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef dbcontext optimize --context EmbassyDbContext --output-dir "CompiledModels/$provider" \
    --namespace "Embassy.Data.CompiledModels.$provider" --suffix .g -- "${provider,,}"
  # The models are chosen by provider in DatabaseOptions.Apply; an assembly-wide default would pick one for both.
  rm -f "CompiledModels/$provider/EmbassyDbContextAssemblyAttributes.g.cs"
done
