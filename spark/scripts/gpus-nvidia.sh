#!/bin/sh
# Spark GPU discovery script: prints the NVIDIA GPUs of this machine as Spark's resource JSON, for example
# {"name":"gpu","addresses":["0","1"]}. Give it to the workers: -X spark.worker.resource.gpu.discoveryScript=THIS.
set -eu
addrs=$(nvidia-smi --query-gpu=index --format=csv,noheader | tr -d ' ' | paste -sd, - | sed 's/,/","/g')
printf '{"name":"gpu","addresses":["%s"]}\n' "$addrs"
