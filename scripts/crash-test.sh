#!/usr/bin/env bash
# Crash safety: kills `pogema train` with SIGKILL at random moments and resumes it each time, then lets it finish;
# then kills `pogema eval --record` at random moments. Checks after every kill:
#   - the checkpoint, if any, is complete (length and checksum) and never goes back;
#   - metrics.csv has no torn, short, duplicated or missing row, and its rows up to the checkpoint are unchanged
#     by the next resume (so the run resumed from its last complete checkpoint);
#   - every recording present reads back completely (`pogema replay --json`).
# At the end the run must finish normally, and its final checkpoint must load again and evaluate (`pogema eval -p`).
#   scripts/crash-test.sh [TRAIN_KILLS=20] [EVAL_KILLS=10] [WORK_DIR] [SEED]
set -uo pipefail
train_kills="${1:-20}"
eval_kills="${2:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${3:-$(mktemp -d)}"
RANDOM="${4:-1128}"
check="python3 $root/scripts/lib/crash_check.py"
mkdir -p "$work"
dotnet build "$root/src/Pogema.Cli" -c Release --nologo -v q >/dev/null || exit 1
pogema="$root/src/Pogema.Cli/bin/Release/net10.0/pogema"
run="$work/runs/crash"
fail() { echo "FAIL: $*"; exit 1; }

# Updates of 256 agent-steps (a budget of 10,000, more than the kills reach), a checkpoint after every update: kills
# land in rollouts, updates and checkpoint writes. The final resume shortens the budget to 50 more updates.
train_args=(train --quick --device cpu --name crash --seed 7 --set "run.runs_dir=$work/runs" --set env.num_envs=16
    --set ppo.num_minibatches=2 --set run.total_steps=2560000 --set run.checkpoint_every=1 --set run.torch_threads=1
    --set run.eval_seeds=1 --set run.plot_every=1000)
declare -A phases
fresh_starts=0
if [[ "$train_kills" -gt 0 ]]; then
for ((k = 1; k <= train_kills; k++)); do
    before="$($check checkpoint "$run" 2>/dev/null || echo -1)"
    if [[ "$before" -ge 1 ]]; then
        $check save "$run" "$before" "$work/prefix.csv" || fail "metrics.csv before resume $k"
        cmd=("$pogema" train --resume "$run")
    else
        fresh_starts=$((fresh_starts + 1))
        cmd=("$pogema" "${train_args[@]}")
    fi
    delay="$((3 + RANDOM % 9)).$((RANDOM % 10))"
    "${cmd[@]}" >"$work/train-$k.out" 2>&1 &
    pid=$!
    sleep "$delay"
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid"; code=$?
        echo "kill $k: the run ended by itself after < ${delay}s (exit $code)"; tail -3 "$work/train-$k.out"
        [[ $code -eq 0 ]] || fail "run $k exited with $code"
        break
    fi
    kill -KILL "$pid"; wait "$pid" 2>/dev/null
    tmp="$(find "$run" -maxdepth 1 -name '.checkpoint.pgm.*.tmp' -newer "$work/train-$k.out" 2>/dev/null | wc -l)"
    after="$($check checkpoint "$run")" || fail "kill $k: checkpoint incomplete: $after"
    rows="$($check metrics "$run")" || fail "kill $k: metrics.csv: $rows"
    [[ "$after" -ge "$before" ]] || fail "kill $k: checkpoint went back from update $before to $after"
    [[ "$rows" -ge "$after" ]] || fail "kill $k: metrics.csv has $rows rows but the checkpoint is at update $after"
    if [[ "$before" -ge 1 ]]; then
        $check prefix "$run" "$before" "$work/prefix.csv" || fail "kill $k: resume did not continue from update $before"
    fi
    if [[ "$tmp" -gt 0 ]]; then phase="checkpoint write"
    elif ! grep -q "update" "$work/train-$k.out"; then phase="start-up"
    elif [[ "$rows" -gt "$after" ]]; then phase="between update and checkpoint"
    else phase="rollout/update"; fi
    phases["$phase"]=$(( ${phases["$phase"]:-0} + 1 ))
    echo "kill $k after ${delay}s: checkpoint update $before -> $after, metrics rows $rows, phase: $phase"
done
echo "train kills by phase:"; for p in "${!phases[@]}"; do echo "  $p: ${phases[$p]}"; done
echo "fresh starts (no checkpoint yet): $fresh_starts"
leftover="$(find "$run" -maxdepth 1 -name '.*.tmp' | wc -l)"
echo "temporary files left by kills (never read, hidden names): $leftover"

# Let the run finish: it must end normally, evaluate itself, and its checkpoint must load for `pogema eval`.
final="$($check checkpoint "$run")"
$check save "$run" "$final" "$work/prefix.csv"
"$pogema" train --resume "$run" --set "run.total_steps=$(( (final + 50) * 256 ))" >"$work/train-final.out" 2>&1 || { tail -5 "$work/train-final.out"; fail "final resume"; }
$check prefix "$run" "$final" "$work/prefix.csv" || fail "the final resume did not continue from update $final"
rows="$($check metrics "$run")" || fail "final metrics.csv: $rows"
end="$($check checkpoint "$run")" || fail "final checkpoint: $end"
[[ "$rows" -eq "$end" ]] || fail "final: $rows metrics rows but checkpoint at update $end"
grep "evaluation summary" "$work/train-final.out" || fail "the final run printed no evaluation"
# Load the finished checkpoint once more: with the budget spent, the run only loads the model and evaluates it.
"$pogema" train --resume "$run" >"$work/train-load.out" 2>&1 || { tail -5 "$work/train-load.out"; fail "the final checkpoint does not load"; }
grep -q "evaluation summary" "$work/train-load.out" || fail "the reloaded model was not evaluated"
[[ "$($check metrics "$run")" -eq "$end" && "$($check checkpoint "$run")" -eq "$end" ]] || fail "loading the final checkpoint changed the run"
"$pogema" eval -p "$run/checkpoint.pgm" -m bottleneck --max-maps 2 --seeds 0 --no-plot -o "$work/eval-model" >"$work/eval-model.out" 2>&1 \
    || { tail -5 "$work/eval-model.out"; fail "pogema eval cannot evaluate the final checkpoint"; }
echo "final model: $end updates, metrics rows $rows, reloads from its checkpoint and evaluates (train --resume and pogema eval -p)"

fi

# eval --record: kill at random moments; every recording present must be complete and readable.
# 6 x 3 x 8 x 2 = 288 episodes; kills after 1..4 s land while recordings are being written.
checked=0
for ((k = 1; k <= eval_kills; k++)); do
    rec="$work/rec-$k"
    "$pogema" eval -p random,astar -m mazes --max-maps 6 -a 8,16,32 --seeds 0..7 --no-plot -j 2 -o "$work/eval-$k" --record "$rec" >/dev/null 2>&1 &
    pid=$!
    sleep "$((1 + RANDOM % 3)).$((RANDOM % 10))"
    finished=0
    kill -0 "$pid" 2>/dev/null || finished=1
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    n="$($check recordings "$rec")" || fail "eval kill $k: $n"
    # The reader itself on a few of them (the check above recomputes the same checksum independently).
    for f in $(find "$rec" -name '*.pogrec' 2>/dev/null | shuf -n 3 --random-source=<(yes "$k")); do
        "$pogema" replay "$f" --json "$work/replay-check.json" >/dev/null 2>"$work/replay.err" || fail "eval kill $k: recording $f is not readable: $(cat "$work/replay.err")"
    done
    checked=$((checked + n))
    temps="$(find "$rec" -name '.*.tmp' 2>/dev/null | wc -l)"
    echo "eval kill $k: $n recordings present, all complete; $temps interrupted temporary files$([[ $finished -eq 1 ]] && echo ' (eval had already finished)')"
done
echo "eval --record: $eval_kills kills, $checked recordings checked, all complete"
echo "PASS"
