#!/usr/bin/env bash
# Lifelong SRMT training and evaluation on a GPU machine that is lent in calls of at most ~10 minutes while it stays
# up between them: the training runs in its own process session and outlives each call; every call reports.
#
#   scripts/pack-gpu-bundle.sh                                             # on a machine with the .NET SDK
#   scripts/gpu/lifelong.sh start  gpu-bundle/pogema-linux-x64.tar.gz OUT  # call 1: unpack, start, wait, report
#   scripts/gpu/lifelong.sh wait   gpu-bundle/pogema-linux-x64.tar.gz OUT  # calls 2..: wait, report
#   scripts/gpu/lifelong.sh finish gpu-bundle/pogema-linux-x64.tar.gz OUT  # last call: stop, evaluate, report
#
# start   unpacks the bundle into STATE and starts `pogema train --preset lifelong-mazes` there (GPUS=2 runs
#         --gpus 2: the preset's 512 environments split over two GPUs, the same algorithm as on one; add
#         REPLICATE_ENVS=1 for --replicate-envs, 512 on each), limited to LL_SECONDS of wall time (SIGINT at the
#         limit: the run writes checkpoint.pgm and policy.pgm); then waits like `wait`.
# wait    waits WAIT_SECONDS or until the training has ended, then reports.
# finish  stops the training (SIGINT, then waits for its checkpoint), evaluates STATE/runs/ll-srmt/policy.pgm beside
#         astar and pibt on the first EVAL_MAPS maps of the mazes and random sets and EVAL_MAPS seeds of the
#         warehouse (the benchmark's agent counts and episode lengths, lifelong), one set per GPU process, then reports.
# Report, in OUT (at most 8 files come back from such machines): report.tar.gz (train.log, metrics.csv, config.yaml,
# learning_curve.png, the launcher's output, machine.txt, state.txt, and bench.md/bench.json/probe.log when made),
# policy.pgm.part-aa.. (15 MiB pieces of policy.pgm: `cat policy.pgm.part-* > policy.pgm`), and after finish
# eval.tar.gz (eval-ll-<set>/ summaries and episodes, eval logs).
# BENCH_ARGS: run `pogema bench BENCH_ARGS` from this call's bundle (start: before the training starts; finish:
# after the evaluation), limited to BENCH_SECONDS (300). PROBE=1 (start): once the first policy.pgm exists, time a
# small evaluation of it on the GPU beside the training.
# EVAL_SETS: the sets finish evaluates (default "mazes random warehouse").
# TRAIN_ARGS: more `pogema train` arguments (e.g. "--set run.total_steps=1e8"); DEVICE (default cuda).
# A `wait` or `finish` on a machine where no training was started reports that and exits 3.
set -u
phase=$1; bundle=$2; out=$3
[ -f "$bundle" ] && bundle=$(cd "$(dirname "$bundle")" && pwd)/$(basename "$bundle")
state=${STATE:-/tmp/pogema-lifelong}
gpus=${GPUS:-1}
ll_seconds=${LL_SECONDS:-1500}
wait_seconds=${WAIT_SECONDS:-540}
eval_maps=${EVAL_MAPS:-16}
eval_threads=${EVAL_THREADS:-8}
device=${DEVICE:-cuda}
run=$state/runs/ll-srmt
mkdir -p "$out" && out=$(cd "$out" && pwd)
export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")'):${LD_LIBRARY_PATH:-}"
export NCCL_NVLS_ENABLE=0
P=$state/pogema/pogema

training_alive() { [ -f "$state/train.pid" ] && kill -0 "$(cat "$state/train.pid")" 2>/dev/null; }

report() {
  local r=$state/report
  mkdir -p "$r"
  {
    date -u
    if training_alive; then echo "training: running"; else echo "training: stopped"; fi
    [ -f "$run/metrics.csv" ] && tail -n 1 "$run/metrics.csv" | cut -d, -f1-3 | sed 's/^/last update,env_steps,sps: /'
    nvidia-smi --query-gpu=index,utilization.gpu,memory.used --format=csv,noheader
  } > "$r/state.txt"
  cat "$r/state.txt"
  for f in train.log metrics.csv config.yaml learning_curve.png; do
    [ -f "$run/$f" ] && cp "$run/$f" "$r/"
  done
  [ -f "$state/train.out" ] && tail -n 200 "$state/train.out" > "$r/train.out"
  tar -czf "$out/report.tar.gz" -C "$state" report
  if [ -f "$run/policy.pgm" ]; then
    cp "$run/policy.pgm" "$state/policy.snapshot" && split -b 15M "$state/policy.snapshot" "$out/policy.pgm.part-"
  fi
}

# pogema bench BENCH_ARGS from this call's bundle (which may be newer than the training's), on the CPU cores.
run_bench() {
  mkdir -p "$state/bench" "$state/report" && tar -xzf "$bundle" -C "$state/bench"
  # shellcheck disable=SC2086 # BENCH_ARGS is a list of options
  timeout "${BENCH_SECONDS:-300}" "$state/bench/pogema/pogema" bench $BENCH_ARGS --markdown "$state/report/bench.md" \
    --json "$state/report/bench.json" > "$state/report/bench.log" 2>&1
  tail -n 5 "$state/report/bench.log"
}

wait_training() {
  local until=$((SECONDS + $1))
  while training_alive && [ "$SECONDS" -lt "$until" ]; do sleep 5; done
}

case "$phase" in
  start)
    if training_alive; then echo "a training is already running in $state"; exit 3; fi
    mkdir -p "$state" && tar -xzf "$bundle" -C "$state"
    mkdir -p "$state/report"
    { date -u; nproc; nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; } > "$state/report/machine.txt"
    [ -n "${BENCH_ARGS:-}" ] && run_bench
    extra=()
    [ "$gpus" -ge 2 ] && extra=(--gpus "$gpus")
    [ "$gpus" -ge 2 ] && [ "${REPLICATE_ENVS:-0}" = 1 ] && extra+=(--replicate-envs)
    cd "$state"
    # Its own session: the call's end must not end the training; timeout sends SIGINT to the whole group at the limit.
    setsid timeout -s INT -k 120 "$ll_seconds" "$P" train --preset lifelong-mazes --device "$device" --name ll-srmt \
      --set env.worker_threads=6 --set run.torch_threads=2 --set run.checkpoint_every=10 "${extra[@]}" ${TRAIN_ARGS:-} \
      > "$state/train.out" 2>&1 < /dev/null &
    echo $! > "$state/train.pid"
    cd - > /dev/null
    if [ "${PROBE:-0}" = 1 ]; then
      probe_until=$((SECONDS + 240))
      while [ ! -f "$run/policy.pgm" ] && [ "$SECONDS" -lt "$probe_until" ]; do sleep 5; done
      if [ -f "$run/policy.pgm" ]; then
        cp "$run/policy.pgm" "$state/probe.pgm"
        (cd "$state" && timeout 150 "$P" eval --policy "probe.pgm@$device" --maps mazes --max-maps 2 --agents 8,64 \
          --threads 4 --no-plot --output probe > report/probe.log 2>&1)
        tail -n 4 "$state/report/probe.log"
      fi
    fi
    wait_training "$((wait_seconds - SECONDS))"
    report
    ;;
  wait)
    if [ ! -f "$state/train.pid" ]; then echo "no training was started on this machine"; exit 3; fi
    wait_training "$wait_seconds"
    report
    ;;
  finish)
    if [ ! -f "$state/train.pid" ]; then echo "no training was started on this machine"; exit 3; fi
    if training_alive; then
      # timeout relays it to the training and its whole process group (the workers of a multi-GPU run)
      kill -INT "$(cat "$state/train.pid")"
      wait_training 150
    fi
    report
    ck=$run/policy.pgm
    [ -f "$ck" ] || { echo "no policy.pgm: nothing to evaluate"; exit 3; }
    cd "$state"
    gpu=0
    for set in ${EVAL_SETS:-mazes random warehouse}; do
      limit=(--max-maps "$eval_maps")
      [ "$set" = warehouse ] && limit=(--seeds "0..$((eval_maps - 1))")
      at=$device; [ "$device" = cuda ] && at=cuda:$gpu
      "$P" eval --policy "$ck@$at,astar,pibt" --maps "$set" "${limit[@]}" --threads "$eval_threads" \
        --no-plot --output "eval-ll-$set" > "eval-ll-$set.log" 2>&1 &
      gpu=$(( (gpu + 1) % gpus ))
    done
    wait
    tail -n 20 eval-ll-*.log
    tar -czf "$out/eval.tar.gz" eval-ll-*
    if [ -n "${BENCH_ARGS:-}" ]; then
      run_bench
      tar -czf "$out/report.tar.gz" -C "$state" report
    fi
    ;;
  *)
    echo "usage: $0 start|wait|finish BUNDLE OUT"; exit 2 ;;
esac
