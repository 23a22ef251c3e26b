#!/usr/bin/env bash
# Grades a folder on a Slurm cluster: an array of N shard jobs, then a merge job that runs when
# the array is done. Prints the two job ids. The folder, OUT_DIR and this checkout must be on a
# file system every node sees.
#   deploy/slurm/submit.sh N PROBLEM SUBMISSIONS OUT_DIR [cj grade options...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=$1 problem=$2 submissions=$3 out=$4
shift 4
export CJ=${CJ:-$(cd "$here/../.." && pwd)/cj}
"$CJ" list > /dev/null  # builds cj once here, not in every task at the same time
mkdir -p "$out"
out=$(cd "$out" && pwd)
submissions=$(cd "$submissions" && pwd)
rm -f "$out"/shard-*.jsonl
array=$(sbatch --parsable --array=0-$((n - 1)) --output="$out/slurm-%A_%a.out" \
  "$here/grade-array.sbatch" "$problem" "$submissions" "$out" "$@")
merge=$(sbatch --parsable --dependency=afterany:"${array%%;*}" --output="$out/slurm-merge-%j.out" \
  "$here/merge.sbatch" "$out")
echo "array job $array, merge job $merge"
