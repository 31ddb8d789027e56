#!/usr/bin/env bash
# Takes the GPU checks to a bare GPU machine and runs them there in one call.
#
#   gpu/scripts/gpu-check.sh pack                  here: builds gpu/target/gpucheck/ (at most 64 MiB): a jlink'd JRE
#                                                  (../shared/tools/device-jre), the shaded gpulab.jar, the gpu test
#                                                  classes, the api test-jar (the conformance harness) and the JUnit
#                                                  console launcher
#   gpu/scripts/gpu-check.sh run OUT [BACKENDS]    there (or here): runs the conformance tests of BACKENDS (default
#                                                  cuda,opencl) with all of them required, then the figures of
#                                                  docs/gpu-model.md, writing everything under OUT
#
# On the device machine, from the repository root with gpu/target/gpucheck carried:
#   gpu/scripts/gpu-check.sh run "$OUT"
# Env: FIGURES=gpu (default: pi(10^12), 10^7 x 32 B and x 64 B, 4K blur) or pocl (pi(10^9), 4e6 x 32 B, 4K blur:
#      sizes a CPU device finishes), REPEAT (default 5), JAVA (a java to use instead of the packed JRE).
# Exit status: 0 when the tests pass and every figure ran, 1 when a test failed, 2 on a usage error, 3 when a figure
# failed. OUT holds tests.txt (the console summary), junit/ (XML reports), figure-*.json, env.txt, summary.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pack_dir="$root/gpu/target/gpucheck"
limit=$((64 * 1024 * 1024))

pack() {
    cd "$root"
    mvn -B -q -o package -DskipTests
    local junit_version console
    junit_version=$(sed -n 's:.*<junit-platform.version>\(.*\)</junit-platform.version>.*:\1:p' pom.xml)
    console="$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$junit_version"
    console="$console/junit-platform-console-standalone-$junit_version.jar"
    if [ ! -f "$console" ]; then
        mvn -B -q dependency:get -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_version"
    fi
    rm -rf "$pack_dir" && mkdir -p "$pack_dir/lib"
    cp cli/target/gpulab.jar "$pack_dir/lib/"
    cp api/target/gpulab-api-*-tests.jar "$pack_dir/lib/gpulab-api-tests.jar"
    cp "$console" "$pack_dir/lib/junit-platform-console-standalone.jar"
    cp -r gpu/target/test-classes "$pack_dir/"
    "$root/../shared/tools/device-jre" >&2
    cp .devjre/jre.tgz "$pack_dir/"
    local bytes
    bytes=$(du -sb "$pack_dir" | cut -f1)
    if [ "$bytes" -gt "$limit" ]; then
        echo "gpu-check.sh: the pack is $bytes bytes, more than 64 MiB" >&2
        exit 2
    fi
    echo "gpu-check.sh: packed $pack_dir ($bytes bytes)" >&2
}

# Runs one figure: figure NAME BACKEND gpulab-run-arguments...; a failure is recorded, not fatal.
figure() {
    local name=$1 backend=$2; shift 2
    local file="$out/figure-$backend-$name.json"
    if timeout 240 "$java" -jar "$pack_dir/lib/gpulab.jar" run "$@" -b "$backend" --repeat "$repeat" --warmup 1 \
            --json > "$file" 2> "$out/figure-$backend-$name.err"; then
        echo "$backend $name: $(tr -d '\n' < "$file" | grep -oE '"(minSeconds|medianSeconds|kernel)":[0-9.E-]+' \
            | tr '\n' ' ')" >> "$out/summary.txt"
    else
        echo "$backend $name: FAILED (see figure-$backend-$name.err)" >> "$out/summary.txt"
        figures_failed=1
    fi
}

run() {
    [ -d "$pack_dir" ] || { echo "gpu-check.sh: no pack at $pack_dir (run 'gpu-check.sh pack' first)" >&2; exit 2; }
    mkdir -p "$out"
    out="$(cd "$out" && pwd)"
    local jre
    if [ -n "${JAVA:-}" ]; then
        java=$JAVA
    else
        jre="$(mktemp -d)"
        tar xzf "$pack_dir/jre.tgz" -C "$jre"
        java="$jre/jre/bin/java"
    fi
    {
        echo "# gpu-check.sh at $(date -u +%FT%TZ), backends $backends, figures $figures"
        uname -a
        "$java" -version 2>&1
        command -v nvidia-smi >/dev/null && nvidia-smi -q | head -40 || echo "nvidia-smi: not here"
        grep -m1 'model name' /proc/cpuinfo || true
        echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
    } > "$out/env.txt" 2>&1
    local selects=()
    local b
    for b in ${backends//,/ }; do
        case $b in
            cuda)
                for c in CudaConformanceTest CudaSplitConformanceTest CudaErrorsTest CudaKernelSpecTest \
                        CudaRuntimeTest Sha256CudaLaunchesTest; do
                    selects+=(--select-class "io.gpulab.gpu.cuda.$c")
                done
                ;;
            opencl) selects+=(--select-package io.gpulab.gpu.opencl) ;;
            *) echo "gpu-check.sh: unknown backend $b (cuda, opencl)" >&2; exit 2 ;;
        esac
    done
    local cp="$pack_dir/test-classes:$pack_dir/lib/gpulab-api-tests.jar:$pack_dir/lib/gpulab.jar"
    local tests_rc=0
    "$java" -Xmx16g -Dgpulab.requireBackends="$backends" -jar "$pack_dir/lib/junit-platform-console-standalone.jar" \
        execute --class-path "$cp" "${selects[@]}" --reports-dir "$out/junit" --details summary --disable-banner \
        > "$out/tests.txt" 2>&1 || tests_rc=$?
    echo "tests ($backends required): exit $tests_rc; $(grep -E 'tests (successful|failed|aborted)' "$out/tests.txt" \
        | tr -s ' ' | tr '\n' ';')" > "$out/summary.txt"
    figures_failed=0
    for b in ${backends//,/ }; do
        case $figures in
            gpu)
                figure sieve-1e12 "$b" sieve --to 1e12
                figure sha256-1e7x32 "$b" sha256 --count 1e7 --length 32
                figure sha256-1e7x64 "$b" sha256 --count 1e7 --length 64
                figure blur-4k-rgba "$b" blur --width 3840 --height 2160 --channels 4 --sigma 3
                # the same frame as one band, without the pipeline a GPU gets by default: 1.51 against 0.88 ms
                figure blur-4k-rgba-one-band "$b" blur --width 3840 --height 2160 --channels 4 --sigma 3 \
                    -X blur.pipeline=off
                ;;
            pocl)
                figure sieve-1e9 "$b" sieve --to 1e9
                figure sha256-4e6x32 "$b" sha256 --count 4e6 --length 32
                figure blur-4k-rgba "$b" blur --width 3840 --height 2160 --channels 4 --sigma 3
                ;;
            *) echo "gpu-check.sh: FIGURES must be gpu or pocl, not $figures" >&2; exit 2 ;;
        esac
    done
    cat "$out/summary.txt"
    [ "$tests_rc" -eq 0 ] || exit 1
    [ "$figures_failed" -eq 0 ] || exit 3
}

case ${1:-} in
    pack) pack ;;
    run)
        [ $# -ge 2 ] || { echo "usage: gpu-check.sh run OUT [BACKENDS]" >&2; exit 2; }
        out=$2
        backends=${3:-cuda,opencl}
        figures=${FIGURES:-gpu}
        repeat=${REPEAT:-5}
        run
        ;;
    *) echo "usage: gpu-check.sh pack | run OUT [BACKENDS]" >&2; exit 2 ;;
esac
