#!/usr/bin/env bash
# Runs `pogema trace` at the environment's scale limits and reports the peak memory (max RSS), then one step
# beyond each limit, which must fail with a one-line error and exit code 2.
#   scripts/scale-limits.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
dotnet build "$root/src/Pogema.Cli" -c Release --nologo -v q >/dev/null
pogema="$root/src/Pogema.Cli/bin/Release/net10.0/pogema"

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
n = 1 << 20
def write(name, value):
    with open(f"{work}/{name}", "w") as f:
        json.dump(value, f)
# 4086 + 2*5 = 4096: the padded grid is exactly 2^24 cells; 2^20 agents; soft collisions and lifelong goals hold the most state.
write("limit.json", {"size": 4086, "obs_radius": 5, "num_agents": n, "density": 0.3, "seed": 0,
                     "collision_system": "soft", "on_target": "restart", "max_episode_steps": 8})
write("actions.json", [[4] * n, [2] * n])
write("over-size.json", {"size": 4087, "obs_radius": 5, "num_agents": 4, "seed": 0})
write("over-agents.json", {"size": 4086, "obs_radius": 5, "num_agents": n + 1, "seed": 0})
write("over-observations.json", {"size": 4000, "obs_radius": 7, "num_agents": n, "seed": 0})
write("one.json", [[0]])
PY

echo "at the limits: 4086 x 4086 map (2^24 padded cells), 2^20 agents, soft, restart, 2 steps"
/usr/bin/time -f "max RSS %M KiB, %e s" "$pogema" trace --config "$work/limit.json" --actions "$work/actions.json" --output "$work/limit.trace.json"
ls -l "$work/limit.trace.json" | awk '{print "trace bytes", $5}'
for over in over-size over-agents over-observations; do
    set +e
    "$pogema" trace --config "$work/$over.json" --actions "$work/one.json" --output "$work/$over.trace.json"
    code=$?
    set -e
    echo "$over: exit code $code"
    if [[ $code -ne 2 || -e "$work/$over.trace.json" ]]; then
        echo "FAIL: expected exit code 2 and no trace file" >&2
        exit 1
    fi
done
