#!/usr/bin/env bash
# Grades 40 files on a one-node Slurm cluster started here (deploy/slurm/submit.sh: a 4-task
# array, then the merge job), and checks the verdicts equal those of one `cj grade` over the same
# files. Exits 77 (skipped) with the reason where a cluster cannot run here.
# Usage: slurm_grade.sh CJ
set -u
cj=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/one_node_cluster.sh"
source "$root/tests/grade/batch_40.sh"
for tool in munged slurmctld slurmd sbatch; do
  command -v $tool > /dev/null || { echo "SKIP: $tool is not installed (Debian's slurm-wlm and munge; scripts/test installs them as root)"; exit 77; }
done
[[ $(id -u) == 0 ]] || { echo "SKIP: a throw-away cluster needs root here (slurmd runs jobs as their user)"; exit 77; }
work=$(mktemp -d /tmp/cj-slurm-test.XXXXXX)
chmod 755 "$work"  # the sandboxed compiler runs as another user
trap 'cluster_stop "$work/cluster"; rm -rf "$work"' EXIT
make_batch_40 "$work/subs"
common=(--mode explore --budget 0.5 --seed 7)

start=$(date +%s%N)
"$cj" grade print-in-order "$work/subs" "${common[@]}" --jobs 2 --state "$work/one.jsonl" --json > "$work/one.json"
echo "one machine: exit $? in $(( ($(date +%s%N) - start) / 1000000 )) ms"

start=$(date +%s%N)
if ! cluster_start "$work/cluster"; then
  echo "SKIP: no Slurm cluster here: $CLUSTER_WHY"
  exit 77
fi
echo "cluster up in $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s%N)
ids=$(CJ=$cj bash "$root/deploy/slurm/submit.sh" 4 print-in-order "$work/subs" "$work/out" "${common[@]}") || {
  echo "FAIL: submit.sh: $ids"; exit 1; }
echo "$ids"
merge_id=${ids##* }
for i in $(seq 1 600); do
  squeue -h -j "$merge_id" 2>/dev/null | grep -q . || break
  sleep 1
done
echo "array and merge done in $(( ($(date +%s%N) - start) / 1000000 )) ms"
cat "$work/out"/slurm-*.out
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
one = json.load(open(f"{work}/one.json"))
try:
    merged = json.load(open(f"{work}/out/report.json"))
except Exception as e:
    sys.exit(f"FAIL: no merged report: {e}")
a = [(r["submission"], r["verdict"]) for r in one["results"]]
b = [(r["submission"], r["verdict"]) for r in merged["results"]]
verdicts = set(v for _, v in a)
if len(a) != 40 or "accepted" not in verdicts or verdicts & {"compile_error", "internal_error"}:
    sys.exit(f"FAIL: the one-machine batch went wrong: {len(a)} files, verdicts {sorted(verdicts)}")
diff = [(x, y) for x, y in zip(a, b) if x != y] + ([("count", len(a), len(b))] if len(a) != len(b) else [])
print(f"{len(diff)} differences between Slurm (4 shards, merged) and one machine over {len(a)} files")
sys.exit(1 if diff else 0)
PY
