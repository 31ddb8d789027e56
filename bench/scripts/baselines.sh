#!/usr/bin/env bash
# Measures the CPU-baseline ratios of docs/performance.md side by side in one run: each gpulab figure right after
# (or interleaved with) the peer it is compared with, on the same machine, with min and median over REPS runs.
#
# Usage: bench/scripts/baselines.sh [sieve|sieve-par|sha256|blur|blur-c2 ...]   (default: all)
# blur: the peer, then gpulab's seq blur as ./gpulab runs it (the Vector API path where the JDK ships the module);
# blur-c2: the same run on the path without the Vector API (GPULAB_VECTOR=0), for comparison.
# Env: REPS (gpulab timed repeats, default 7), PEERS (the shared peers folder, default ../shared/peers),
#      JAVA_OPTS (passed to gpulab).
# Needs: primesieve (apt-get install primesieve), python3-opencv for the blur peer, a JDK for the sha256 peer.
# gpulab's figure is Kernel.run time only (no JVM start, no input generation); the peers' are as they report.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$root/../shared/peers}
reps=${REPS:-7}
gpulab="$root/gpulab"
build=${BUILD:-/tmp/gpulab-peers}
mkdir -p "$build"

# Prints "label: min X s, median Y s (n=N) -> best R unit/s, median R unit/s" from gpulab's JSON.
run_gpulab() {
    local label=$1; shift
    local json
    json=$("$gpulab" run "$@" --repeat "$reps" --warmup 2 --json)
    python3 - "$label" "$json" <<'PY'
import json, sys
label, j = sys.argv[1], json.loads(sys.argv[2])
mn, med, w = j["minSeconds"], j["medianSeconds"], j["workUnits"]
print(f"{label}: min {mn:.3f} s, median {med:.3f} s (n={j['repeats']}) -> best {w/mn:.4g} {j['unit']}/s, "
      f"median {w/med:.4g} {j['unit']}/s  [{j['device']}] result {json.dumps(j['result'])}", flush=True)
PY
}

echo "# host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) vCPU, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), gpulab $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(sieve sieve-par sha256 blur blur-c2)
"$gpulab" backends >/dev/null   # builds the jar first, outside any timing
for p in "${parts[@]}"; do
    case $p in
        sieve)
            python3 "$peers/reps.py" "peer primesieve pi(1e10) -t1" "$reps" 1e10 numbers -- \
                primesieve 1e10 --count -t1 --no-status
            run_gpulab "gpulab seq pi(1e10)" sieve --backend seq --from 0 --to 1e10
            ;;
        sieve-par)
            r=$(( reps < 3 ? reps : 3 ))
            REPS=$r run_gpulab "gpulab seq [1e12,1e12+1e10]" sieve --backend seq --from 1e12 --to 1e12+1e10
            REPS=$r run_gpulab "gpulab forkjoin [1e12,1e12+1e10]" sieve --backend forkjoin --from 1e12 --to 1e12+1e10
            REPS=$r run_gpulab "gpulab process [1e12,1e12+1e10]" sieve --backend process --from 1e12 --to 1e12+1e10
            python3 "$peers/reps.py" "peer primesieve [1e12,1e12+1e10] -t2" "$r" 1e10 numbers -- \
                primesieve 1e12 --dist=1e10 --count -t2 --no-status
            ;;
        sha256)
            javac -d "$build" "$peers/Sha256Bench.java"
            java -cp "$build" Sha256Bench 1000000 64 "$reps" | sed 's/^/peer /'
            run_gpulab "gpulab seq sha256 1e6 x 64 B" sha256 --backend seq --count 1000000 --length 64
            ;;
        blur)
            /usr/bin/python3 - "$reps" <<'PY'
import statistics, sys, time
import cv2, numpy as np
reps = int(sys.argv[1])
cv2.setNumThreads(1)
img = np.random.default_rng(1).integers(0, 256, size=(2160, 3840, 4), dtype=np.uint8)
out = np.empty_like(img)
f = lambda: cv2.GaussianBlur(img, (19, 19), 3, dst=out, sigmaY=3, borderType=cv2.BORDER_REPLICATE)
for _ in range(2):
    f()
ts = []
for _ in range(reps):
    t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
mn, med = min(ts), statistics.median(ts)
print(f"peer opencv {cv2.__version__} GaussianBlur 19x19 s=3 RGBA 3840x2160 1 thread: min {mn:.3f} s, "
      f"median {med:.3f} s (n={reps}) -> best {8.2944e6/mn:.4g} pixels/s, median {8.2944e6/med:.4g} pixels/s",
      flush=True)
PY
            run_gpulab "gpulab seq blur 3840x2160x4 sigma 3" blur --backend seq --width 3840 --height 2160 \
                --channels 4 --sigma 3
            ;;
        blur-c2)
            GPULAB_VECTOR=0 run_gpulab "gpulab seq blur 3840x2160x4 sigma 3, GPULAB_VECTOR=0" blur --backend seq \
                --width 3840 --height 2160 --channels 4 --sigma 3
            ;;
        *) echo "unknown part: $p (sieve, sieve-par, sha256, blur, blur-c2)" >&2; exit 2 ;;
    esac
done
