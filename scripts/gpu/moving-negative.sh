#!/usr/bin/env bash
# Why do the transformer cores stop moving under the moving-negative reward? Trains SRMT (and RMT) under that
# reward with one learning-rate or dropout change each, side by side on one GPU, to BN_STEPS agent-steps, then
# evaluates each on corridor lengths 3..30 (seeds 0..9):
#   scripts/gpu/moving-negative.sh POGEMA OUT [SECONDS]
set -u
P=$1; out=$2; seconds=${3:-330}; steps=${BN_STEPS:-20000000}
mkdir -p "$out" && cd "$out"
variant() {
  local name=$1; shift
  (timeout -s INT -k 30 "$seconds" "$P" train --preset bottleneck --device cuda --name "$name" \
     --set run.reward=moving-negative --set run.total_steps=$steps --set env.worker_threads=1 --set run.torch_threads=1 \
     --set run.eval_seeds=1 "$@" > "train-$name.log" 2>&1
   timeout 200 "$P" eval --policy "runs/$name/checkpoint.pgm@cpu" --preset bottleneck --corridor-lengths 3..30 \
     --threads 2 --no-plot --output "eval-$name" > "eval-$name.log" 2>&1) &
}
variant mn-srmt-seed1 --seed 1
variant mn-srmt-kl-per-update --set ppo.learning_rate_schedule=kl_adaptive
variant mn-srmt-constant --set ppo.learning_rate_schedule=constant
variant mn-srmt-maxlr1e-3 --set ppo.max_learning_rate=1e-3
variant mn-srmt-dropout0 --set model.dropout=0
variant mn-rmt-maxlr1e-3 --set model.core=rmt --set ppo.max_learning_rate=1e-3
wait
