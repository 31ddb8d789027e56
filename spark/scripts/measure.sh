#!/usr/bin/env bash
# Measures the spark backend (local cluster of two workers, one core each) against forkjoin and process on this
# machine, side by side in one run: a long sieve range, a synthetic sha256 batch, the cluster's fixed start cost
# and the per-job overhead. Prints one JSON line per measurement; docs/performance.md shows how they were read.
# Usage: spark/scripts/measure.sh [SIEVE_TO_OFFSET] [SHA256_COUNT] > results.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
span="${1:-1e10}"
count="${2:-1e6}"
spark=(-X spark.master='local-cluster[2,1,1024]')
run() {
    local what="$1"
    shift
    ./gpulab run "$@" --json 2>/dev/null | sed "s/^{/{\"case\":\"$what\",/"
}
for b in forkjoin process spark; do
    opts=()
    [ "$b" = spark ] && opts=("${spark[@]}")
    run "sieve [1e12, 1e12+$span]" sieve --backend "$b" --from 1e12 --to "1e12+$span" --warmup 1 --repeat 3 "${opts[@]}"
    run "sha256 $count x 64 B x 10" sha256 --backend "$b" --count "$count" --length 64 --iterations 10 --seed 1 \
        --warmup 1 --repeat 5 "${opts[@]}"
done
# per-job overhead: a one-shard job whose compute is nothing, on an already started cluster
run "sieve [0, 1000] per-job overhead" sieve --backend spark --to 1000 --warmup 3 --repeat 15 "${spark[@]}"
# fixed cost: the whole command, cluster start included, three times
for i in 1 2 3; do
    start=$(date +%s.%N)
    line=$(run "cluster start #$i" sieve --backend spark --to 1000 "${spark[@]}")
    end=$(date +%s.%N)
    echo "${line%\}},\"commandSeconds\":$(echo "$end - $start" | bc)}"
done
