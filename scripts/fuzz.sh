#!/usr/bin/env bash
# Long fuzz run: every input kind of the fuzz tests with COUNT generated inputs each (default 20000).
#   scripts/fuzz.sh [COUNT] [SEED]
# Prints per kind: inputs tried, loaded, rejected with a one-line input error. Any other outcome (another
# exception, a message over several lines or without the file's name, a hang) fails the run and prints the input.
set -euo pipefail
count="${1:-20000}"
seed="${2:-20261128}"
root="$(cd "$(dirname "$0")/.." && pwd)"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
dotnet build "$root/tests/Pogema.Env.Tests" -c Release --nologo -v q >/dev/null
POGEMA_FUZZ_COUNT="$count" POGEMA_FUZZ_SEED="$seed" POGEMA_FUZZ_REPORT="$report" \
    dotnet test "$root/tests/Pogema.Env.Tests" -c Release --no-build --nologo --filter "FullyQualifiedName~.Fuzz." "${@:3}"
echo "kind,tried,loaded,rejected (seed $seed)"
sort "$report"
