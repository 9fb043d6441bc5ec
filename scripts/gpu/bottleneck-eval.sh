#!/usr/bin/env bash
# Evaluates every Bottleneck run folder under RUNS (runs/bn-*) on the SRMT generalization protocol (corridor
# lengths 3..50 and 100..1000 step 100, seeds 0..9, greedy), on the CPU, all runs in parallel:
#   scripts/gpu/bottleneck-eval.sh POGEMA RUNS OUT [THREADS_PER_RUN] [SECONDS]
set -u
P=$1; runs=$2; out=$3; threads=${4:-3}; seconds=${5:-400}
mkdir -p "$out"
for run in "$runs"/bn-*; do
  name=$(basename "$run")
  [ -f "$run/checkpoint.pgm" ] || continue
  timeout "$seconds" "$P" eval --policy "$run/checkpoint.pgm@cpu" --preset bottleneck --threads "$threads" --no-plot \
    --output "$out/eval-$name" > "$out/eval-$name.log" 2>&1 &
done
wait
