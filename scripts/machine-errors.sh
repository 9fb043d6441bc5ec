#!/usr/bin/env bash
# Machine errors for every CLI verb that writes files: a read-only folder, a full disk, a missing input, an output
# path that is a folder. Each case must exit non-zero with one line on stderr, and leave no file under the final
# name that could pass for a complete one (nor a temporary file). Needs root for the two mounts (a read-only tmpfs
# and a 64 KiB tmpfs); without root those cases are skipped and said so.
#   scripts/machine-errors.sh [WORK_DIR]
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/in" "$work/ro" "$work/full" "$work/dir.json" "$work/out"
dotnet build "$root/src/Pogema.Cli" -c Release --nologo -v q >/dev/null || exit 1
pogema="$root/src/Pogema.Cli/bin/Release/net10.0/pogema"
cases=0
failures=0
mounted=()
cleanup() { for m in "${mounted[@]}"; do umount "$m"; done; }
trap cleanup EXIT

if [[ $(id -u) -eq 0 ]] && mount -t tmpfs -o ro,size=64k tmpfs "$work/ro" && mount -t tmpfs -o size=64k tmpfs "$work/full"; then
    mounted=("$work/ro" "$work/full")
    # Fill the small disk up to its last few KiB, so the next big write fails midway.
    dd if=/dev/zero of="$work/full/filler" bs=1k count=60 status=none 2>/dev/null || true
else
    echo "not root or no tmpfs: read-only and full-disk cases skipped"
fi

# Inputs: a 40 x 40 map with 30 agents and a long episode give outputs far larger than the 4 KiB left on the full disk.
python3 - "$work/in" <<'PY'
import json, random, sys
d = sys.argv[1]
random.seed(1)
json.dump({"size": 40, "num_agents": 30, "seed": 1, "obs_radius": 3, "max_episode_steps": 64}, open(f"{d}/config.json", "w"))
json.dump([[random.randrange(5) for _ in range(30)] for _ in range(64)], open(f"{d}/actions.json", "w"))
PY
mkdir -p "$work/in/cases"
cp "$work/in/config.json" "$work/in/cases/a.json.tmp"
python3 -c "import json,sys; json.dump({'config': json.load(open('$work/in/config.json')), 'actions': json.load(open('$work/in/actions.json')), 'observations': True}, open('$work/in/cases/a.json','w'))"
rm "$work/in/cases/a.json.tmp"
"$pogema" eval -p random -m validation-mazes-seed-000 -a 4 --seeds 0 --max-steps 16 --no-plot -o "$work/in/eval" --record "$work/in/rec" >/dev/null 2>&1
recording="$(find "$work/in/rec" -name '*.pogrec' | head -1)"

# expect NAME EXPECTED_EXIT TARGET -- command...: TARGET must not exist afterwards (or keep its old content).
expect() {
    local name="$1" want="$2" target="$3"
    shift 4
    local before=""
    [[ -f "$target" ]] && before="$(sha256sum "$target")"
    local err
    err="$("$@" 2>&1 >/dev/null)"
    local code=$?
    cases=$((cases + 1))
    local lines
    lines="$(printf '%s' "$err" | grep -c '')"
    local ok=1
    [[ $code -eq $want ]] || ok=0
    [[ $lines -eq 1 && "$err" == error:* ]] || ok=0
    if [[ -n "$before" ]]; then
        [[ "$(sha256sum "$target")" == "$before" ]] || ok=0
    elif [[ -f "$target" ]]; then
        ok=0
    fi
    if find "$(dirname "$target")" -maxdepth 2 -name '.*.tmp' 2>/dev/null | grep -q .; then ok=0; fi
    if [[ $ok -eq 1 ]]; then
        echo "ok   $name (exit $code): $err"
    else
        failures=$((failures + 1))
        echo "FAIL $name (exit $code, $lines lines, want exit $want): $err"
    fi
}

c="$work/in/config.json"; a="$work/in/actions.json"
expect "trace: missing config" 2 "$work/out/t1.json" -- "$pogema" trace --config "$work/in/nope.json" --actions "$a" --output "$work/out/t1.json"
expect "trace: missing actions" 2 "$work/out/t2.json" -- "$pogema" trace --config "$c" --actions "$work/in/nope.json" --output "$work/out/t2.json"
expect "trace: output is a folder" 1 "$work/dir.json/x" -- "$pogema" trace --config "$c" --actions "$a" --output "$work/dir.json"
expect "trace: output under a file" 1 "$c/t.json" -- "$pogema" trace --config "$c" --actions "$a" --output "$c/t.json"
expect "maps import: missing file" 2 "$work/out/m.yaml" -- "$pogema" maps import "$work/in/nope.map" -o "$work/out/m.yaml"
expect "maps render: output is a folder" 1 "$work/dir.json/x" -- "$pogema" maps render validation-mazes-seed-000 -o "$work/dir.json"
expect "replay: missing recording" 2 "$work/out/r.svg" -- "$pogema" replay "$work/in/nope.pogrec" -o "$work/out/r.svg"
expect "replay: output is a folder" 1 "$work/dir.json/x" -- "$pogema" replay "$recording" -o "$work/dir.json"
if [[ ${#mounted[@]} -eq 2 ]]; then
    for d in ro full; do
        expect "trace: $d" 1 "$work/$d/t.json" -- "$pogema" trace --config "$c" --actions "$a" --output "$work/$d/t.json" --observations
        expect "trace batch: $d" 1 "$work/$d/batch/a.json" -- "$pogema" trace --cases "$work/in/cases" --output-dir "$work/$d/batch"
        expect "maps generate: $d" 1 "$work/$d/m.yaml" -- "$pogema" maps generate --kind random --count 40 -o "$work/$d/m.yaml"
        expect "maps render: $d" 1 "$work/$d/m.svg" -- "$pogema" maps render validation-mazes-seed-000 -o "$work/$d/m.svg"
        expect "replay svg: $d" 1 "$work/$d/r.svg" -- "$pogema" replay "$recording" -o "$work/$d/r.svg"
        expect "replay json: $d" 1 "$work/$d/r.json" -- "$pogema" replay "$recording" --json "$work/$d/r.json"
        expect "eval output: $d" 1 "$work/$d/eval/summary.csv" -- "$pogema" eval -p random -m validation-mazes-seed-000 -a 4 --seeds 0 --max-steps 16 --no-plot -o "$work/$d/eval"
        expect "eval --record: $d" 1 "$work/$d/rec/x.pogrec" -- "$pogema" eval -p random -m validation-mazes-seed-000 -a 8 --seeds 0..3 --max-steps 64 --no-plot -o "$work/out/eval-$d" --record "$work/$d/rec"
        # Recordings that were written must be complete: every .pogrec present must read back.
        for f in $(find "$work/$d" -name '*.pogrec' 2>/dev/null); do
            "$pogema" replay "$f" --json "$work/replay-check.json" >/dev/null 2>&1 || { failures=$((failures + 1)); echo "FAIL incomplete recording left: $f"; }
        done
    done
fi
echo "$cases cases, $failures failures"
[[ $failures -eq 0 ]]
