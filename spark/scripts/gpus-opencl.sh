#!/bin/sh
# Spark GPU discovery script for OpenCL devices of platform 0 (clinfo -l): address N is device opencl:0:N, which the
# spark backend opens when -X spark.inner=opencl. Prints Spark's resource JSON: {"name":"gpu","addresses":["0"]}.
set -eu
n=$(clinfo -l | awk '/^Platform #0/{p=1; next} /^Platform #/{p=0} p && /Device #/{n++} END{print n+0}')
addrs=$(seq 0 $((n - 1)) | paste -sd, - | sed 's/,/","/g')
printf '{"name":"gpu","addresses":["%s"]}\n' "$addrs"
