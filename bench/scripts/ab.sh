#!/usr/bin/env bash
# Compares two builds of gpulab side by side on one workload, alternating base/new/new/base (ABBA) so that a load
# that drifts during the run hits both alike; prints each run's min and median, then the min and the median of the
# runs' mins per build.
#
# Usage: bench/scripts/ab.sh BASE_ROOT NEW_ROOT ROUNDS -- RUN_ARGS...
#   BASE_ROOT, NEW_ROOT: checkouts whose cli/target/gpulab.jar is built (mvn -o package -DskipTests, never install)
#   ROUNDS: ABBA rounds (each runs both builds twice)
#   RUN_ARGS: what follows `gpulab run`, e.g. sieve --backend forkjoin --from 1e12 --to 1e12+2e9
# Env: REPS (timed repeats per run, default 5), JAVA_OPTS.
# Example: bench/scripts/ab.sh /tmp/base . 2 -- sha256 --backend process --count 1000000 --length 64
set -euo pipefail
[ $# -ge 5 ] && [ "$4" = "--" ] || { sed -n 2,12p "$0" >&2; exit 2; }
base=$1 new=$2 rounds=$3
shift 4
reps=${REPS:-5}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() {
    local label=$1 root=$2
    local json
    # shellcheck disable=SC2086
    json=$(java $JAVA_OPTS --add-modules jdk.incubator.vector -jar "$root/cli/target/gpulab.jar" run "${@:3}" \
        --repeat "$reps" --warmup 2 --json 2>/dev/null)
    python3 - "$label" "$json" <<'PY' | tee -a "$out"
import json, sys
label, j = sys.argv[1], json.loads(sys.argv[2])
print(f"{label} min {j['minSeconds']:.4f} median {j['medianSeconds']:.4f} n={j['repeats']} "
      f"result {json.dumps(j['result'], sort_keys=True)}", flush=True)
PY
}
JAVA_OPTS=${JAVA_OPTS:-}
echo "# $(nproc) vCPU, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for _ in $(seq "$rounds"); do
    for which in base new new base; do
        root=$base
        [ "$which" = new ] && root=$new
        run "$which" "$root" "$@"
    done
done
echo "# end load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
python3 - "$out" <<'PY'
import statistics, sys
mins = {}
for line in open(sys.argv[1]):
    f = line.split()
    mins.setdefault(f[0], []).append(float(f[2]))
for k in ("base", "new"):
    print(f"{k}: min {min(mins[k]):.4f} s, median of the runs' mins {statistics.median(mins[k]):.4f} s "
          f"({len(mins[k])} runs)")
PY
