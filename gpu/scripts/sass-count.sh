#!/usr/bin/env bash
# Counts the sm_90 machine code of every shipped kernel: for each kernel of each module, the registers and shared
# memory ptxas reports and the static SASS instruction count (the size of its .text section / 16: every sm_70+
# instruction is 16 bytes). Where cuobjdump or nvdisasm is installed it also writes each kernel's SASS and an opcode
# histogram beside the counts, for the per-loop counts of docs/gpu-model.md.
#
#   gpu/scripts/sass-count.sh [PTX_DIR] [ARCH]     (defaults: the shipped ptx/ folder, sm_90)
# Prints one line per kernel: module kernel registers smem_bytes static_sass_instructions.
# Needs ptxas and readelf; optional cuobjdump or nvdisasm (OUT=dir receives the SASS listings).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ptx_dir="${1:-$here/../src/main/resources/io/gpulab/kernels/ptx}"
arch="${2:-sm_90}"
PTXAS="${PTXAS:-ptxas}"
command -v "$PTXAS" >/dev/null || { echo "sass-count.sh: $PTXAS not found (install the CUDA toolkit)" >&2; exit 2; }
command -v readelf >/dev/null || { echo "sass-count.sh: readelf not found (apt-get install binutils)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="${OUT:-}"
[ -z "$out" ] || mkdir -p "$out"
printf '%-8s %-20s %5s %6s %7s\n' module kernel regs smem sass
for ptx in "$ptx_dir"/*.ptx; do
    module="$(basename "$ptx" .ptx)"
    "$PTXAS" -arch="$arch" -v "$ptx" -o "$tmp/$module.cubin" 2>"$tmp/$module.log"
    # ptxas -v: "Compiling entry function 'NAME'" then "Used R registers, ... S bytes smem"
    awk -v m="$module" '
        /Compiling entry function/ { match($0, /'"'"'[^'"'"']+'"'"'/); k = substr($0, RSTART + 1, RLENGTH - 2) }
        /Used [0-9]+ registers/ {
            r = $0; sub(/.*Used /, "", r); sub(/ registers.*/, "", r)
            s = 0; if ($0 ~ /bytes smem/) { s = $0; sub(/ bytes smem.*/, "", s); sub(/.*, /, "", s) }
            print k, r, s
        }' "$tmp/$module.log" | sort > "$tmp/$module.regs"
    readelf -SW "$tmp/$module.cubin" 2>/dev/null | awk '$2 ~ /^\.text\./ { print substr($2, 7), $6 }' \
        | sort > "$tmp/$module.text"
    join "$tmp/$module.regs" "$tmp/$module.text" | while read -r kernel regs smem size; do
        printf '%-8s %-20s %5s %6s %7d\n' "$module" "$kernel" "$regs" "$smem" $(( 16#$size / 16 ))
    done
    if [ -n "$out" ]; then
        if command -v cuobjdump >/dev/null; then
            cuobjdump -sass "$tmp/$module.cubin" > "$out/$module.$arch.sass"
        elif command -v nvdisasm >/dev/null; then
            nvdisasm -c "$tmp/$module.cubin" > "$out/$module.$arch.sass"
        fi
        if [ -f "$out/$module.$arch.sass" ]; then
            grep -oE '^\s+/\*[0-9a-f]{4}\*/\s+[A-Z0-9._]+' "$out/$module.$arch.sass" | awk '{print $2}' \
                | sed 's/\..*//' | sort | uniq -c | sort -rn > "$out/$module.$arch.opcodes"
        fi
    fi
done
