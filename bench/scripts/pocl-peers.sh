#!/usr/bin/env bash
# Runs gpulab's opencl backend side by side with the peers' own OpenCL code on the same OpenCL device (PoCL on this
# CPU), in one run, each gpulab figure right after its peer, with min and median over REPS runs:
#   sha256: hashcat -b -m 1400 -D 1 (SHA2-256 one-block candidates) vs gpulab sha256 --count 4e6 --length 32
#   blur:   OpenCV GaussianBlur 19x19 sigma 3 replicate on a UMat (OPENCV_OPENCL_DEVICE=:CPU:) vs gpulab blur 4K RGBA
#   sieve:  no OpenCL peer; gpulab's pi(10^9) kernel in CPU seconds per run (PoCL runs on every core, and the machine
#           is shared, so CPU time is steadier than wall time): the CPU time of (1 + K) runs minus that of 1 run, / K
#
# Usage: bench/scripts/pocl-peers.sh [sha256|blur|sieve ...]   (default: all three)
# Env: REPS (repeats, default 5), SIEVE_K (extra sieve runs per CPU-time sample, default 2), JAVA_OPTS,
#      BASELINE (another checkout, e.g. from `git worktree add --detach /tmp/old <commit>`: its gpulab figures are
#      measured the same way right before this one's, for a before/after in one run).
# Needs: hashcat and python3-opencv (Debian packages; installed with apt-get when missing and running as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
reps=${REPS:-5}
sieve_k=${SIEVE_K:-2}
gpulab="$root/gpulab"
py=/usr/bin/python3   # Debian's python3-opencv lives beside the system interpreter, not a pyenv one

need_pkg() {
    local probe=$1 pkg=$2
    if ! eval "$probe" >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
        else
            echo "pocl-peers: $pkg is missing (apt-get install $pkg)" >&2
            exit 2
        fi
    fi
}

# Prints "label: min X s, median Y s (n=N) -> best R unit/s, median R unit/s [kernel phase]" from gpulab's JSON.
run_gpulab() {
    local label=$1; shift
    local json launcher=${LAUNCHER:-$gpulab}
    json=$("$launcher" run "$@" --repeat "$reps" --warmup 1 --json 2>/dev/null)
    "$py" - "$label" "$json" <<'PY'
import json, sys
label, j = sys.argv[1], json.loads(sys.argv[2])
mn, med, w = j["minSeconds"], j["medianSeconds"], j["workUnits"]
k = j.get("phases", {}).get("kernel")
print(f"{label}: min {mn:.3f} s, median {med:.3f} s (n={j['repeats']}) -> best {w/mn:.4g} {j['unit']}/s, "
      f"median {w/med:.4g} {j['unit']}/s (last run's kernel phase {k:.3f} s) result {json.dumps(j['result'])}",
      flush=True)
PY
}

# Runs run_gpulab on the BASELINE checkout, when one is given.
run_baseline() {
    local label=$1; shift
    [ -z "${BASELINE:-}" ] || LAUNCHER="$BASELINE/gpulab" run_gpulab "baseline $base_rev $label" "$@"
}

# Prints hashcat's mode-1400 benchmark speed REPS times as one min/median line (H/s).
run_hashcat() {
    local speeds=() s
    hashcat -b -m 1400 -D 1 --force --quiet >/dev/null 2>&1 || true   # builds and caches its kernel, untimed
    for _ in $(seq "$reps"); do
        # awk reads to the end: an early exit (grep -m1) would kill hashcat with SIGPIPE under pipefail
        s=$(hashcat -b -m 1400 -D 1 --force --quiet 2>&1 | awk '/Speed/ && !n { print; n = 1 }' \
            | sed -E 's/.*: *([0-9.]+) ([kMG]?)H\/s.*/\1 \2/')
        speeds+=("$s")
    done
    "$py" - "$(hashcat --version)" "${speeds[@]}" <<'PY'
import statistics, sys
scale = {"": 1, "k": 1e3, "M": 1e6, "G": 1e9}
v = []
for s in sys.argv[2:]:
    parts = s.split()
    v.append(float(parts[0]) * scale[parts[1] if len(parts) > 1 else ""])
print(f"peer hashcat {sys.argv[1]} -b -m 1400 -D 1: best {max(v):.4g} hashes/s, median {statistics.median(v):.4g} "
      f"hashes/s (n={len(v)})", flush=True)
PY
}

run_opencv() {
    OPENCV_OPENCL_DEVICE=:CPU: "$py" - "$reps" <<'PY'
import statistics, sys, time
import cv2, numpy as np
reps = int(sys.argv[1])
cv2.ocl.setUseOpenCL(True)
if not cv2.ocl.useOpenCL():
    sys.exit("pocl-peers: OpenCV finds no usable OpenCL device")
dev = cv2.ocl.Device.getDefault()
img = np.random.default_rng(1).integers(0, 256, size=(2160, 3840, 4), dtype=np.uint8)
u = cv2.UMat(img)
def f():
    r = cv2.GaussianBlur(u, (19, 19), 3, sigmaY=3, borderType=cv2.BORDER_REPLICATE)
    cv2.ocl.finish()
    return r
for _ in range(2):
    f()
ts = []
for _ in range(reps):
    t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
mn, med = min(ts), statistics.median(ts)
print(f"peer opencv {cv2.__version__} GaussianBlur 19x19 s=3 replicate RGBA 3840x2160 UMat on '{dev.name()}': "
      f"min {mn:.3f} s, median {med:.3f} s (n={reps}) -> best {8.2944e6/mn:.4g} pixels/s, "
      f"median {8.2944e6/med:.4g} pixels/s", flush=True)
PY
}

# CPU seconds (user + system) of one command (a gpulab launcher and its arguments), JVM included.
cpu_of() {
    "$py" - "$@" <<'PY'
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if r.returncode != 0:
    sys.exit(f"pocl-peers: failed ({r.returncode}): {' '.join(sys.argv[1:])}")
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(u.ru_utime + u.ru_stime)
PY
}

# Prints the CPU seconds per pi(10^9) run of the opencl sieve: run_sieve_cpu LABEL LAUNCHER [extra gpulab args].
run_sieve_cpu() {
    local label=$1 launcher=$2; shift 2
    local samples=() one more
    local args=(run sieve -b opencl --to 1e9 --warmup 0 "$@")
    "$launcher" "${args[@]}" --repeat 1 >/dev/null 2>&1   # builds that checkout's jar and kernel cache, untimed
    for _ in $(seq "$reps"); do
        one=$(cpu_of "$launcher" "${args[@]}" --repeat 1)
        more=$(cpu_of "$launcher" "${args[@]}" --repeat $((1 + sieve_k)))
        samples+=("$("$py" -c "print(($more - $one) / $sieve_k)")")
    done
    "$py" - "$label" "$sieve_k" "${samples[@]}" <<'PY'
import statistics, sys
v = [float(x) for x in sys.argv[3:]]
print(f"{sys.argv[1]} sieve pi(1e9) kernel CPU time per run ((1+{sys.argv[2]}) runs minus 1 run): "
      f"min {min(v):.3f} CPU-s, median {statistics.median(v):.3f} CPU-s (n={len(v)})", flush=True)
PY
}

echo "# host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) vCPU (shared with other" \
    "engineers), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), gpulab" \
    "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
base_rev=$( [ -z "${BASELINE:-}" ] || git -C "$BASELINE" rev-parse --short HEAD 2>/dev/null || echo "?")
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(sha256 blur sieve)
"$gpulab" backends >/dev/null   # builds the jar first, outside any timing
[ -z "${BASELINE:-}" ] || "$BASELINE/gpulab" backends >/dev/null
for p in "${parts[@]}"; do
    case $p in
        sha256)
            need_pkg "command -v hashcat" hashcat
            run_hashcat
            run_baseline "opencl sha256 4e6 x 32 B" sha256 -b opencl --count 4e6 --length 32
            run_gpulab "gpulab opencl sha256 4e6 x 32 B" sha256 -b opencl --count 4e6 --length 32
            ;;
        blur)
            need_pkg "$py -c 'import cv2'" python3-opencv
            run_opencv
            run_baseline "opencl blur 3840x2160x4 sigma 3" blur -b opencl --width 3840 --height 2160 --channels 4 \
                --sigma 3
            run_gpulab "gpulab opencl blur 3840x2160x4 sigma 3" blur -b opencl --width 3840 --height 2160 \
                --channels 4 --sigma 3
            ;;
        sieve)
            [ -z "${BASELINE:-}" ] || run_sieve_cpu "baseline $base_rev opencl" "$BASELINE/gpulab"
            run_gpulab "gpulab opencl sieve pi(1e9) wall" sieve -b opencl --to 1e9
            run_sieve_cpu "gpulab opencl" "$gpulab"
            run_sieve_cpu "gpulab opencl -X sieve.crossing=atomic (the GPU's code)" "$gpulab" -X sieve.crossing=atomic
            ;;
        *) echo "unknown part: $p (sha256, blur, sieve)" >&2; exit 2 ;;
    esac
done
