#!/usr/bin/env bash
# Grades 40 files once, then as 4 shards merged back with `cj merge`: the merged reports must list
# the same files in the same order with the same verdicts, and merge must refuse an incomplete or
# mixed set of shards. Usage: shard_merge.sh CJ
set -u
cj=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/batch_40.sh"
work=$(mktemp -d /tmp/cj-shard-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # the sandboxed compiler runs as another user
fail=0
problem() { echo "FAIL: $*"; fail=1; }
cd "$work"
make_batch_40 subs
common=(--mode explore --budget 0.5 --seed 7 --jobs 2)

start=$(date +%s%N)
"$cj" grade print-in-order subs "${common[@]}" --state one.jsonl --json > one.json
echo "one run: exit $? in $(( ($(date +%s%N) - start) / 1000000 )) ms"
for i in 0 1 2 3; do
  start=$(date +%s%N)
  "$cj" grade print-in-order subs "${common[@]}" --shard $i/4 --state shard$i.jsonl --json > shard$i.json
  echo "shard $i/4: exit $?, $(python3 -c "import json;print(len(json.load(open('shard$i.json'))['results']))") files in $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
"$cj" merge shard3.jsonl shard1.jsonl shard0.jsonl shard2.jsonl --json --junit merged.xml \
  --gradescope merged-gs.json --html merged.html > merged.json
status=$?
[ "$status" = 1 ] || problem "merge exit status $status, expected 1 (some files are rejected)"

python3 - <<'PY' || fail=1
import json, sys, xml.etree.ElementTree as ET
one = json.load(open("one.json"))
merged = json.load(open("merged.json"))
a = [(r["submission"], r["verdict"]) for r in one["results"]]
b = [(r["submission"], r["verdict"]) for r in merged["results"]]
if len(a) != 40: sys.exit(f"one run graded {len(a)} files, expected 40")
verdicts = set(v for _, v in a)
if verdicts & {"compile_error", "internal_error"} or "accepted" not in verdicts or len(verdicts) < 4:
    sys.exit(f"the batch itself went wrong, verdicts {sorted(verdicts)}: {one['results'][0]['reason']}")
diff = [(x, y) for x, y in zip(a, b) if x != y]
if len(a) != len(b) or diff:
    sys.exit(f"merged differs from one run: {len(b)} vs {len(a)} files; first differences {diff[:3]}")
if one["summary"] != merged["summary"]: sys.exit("summaries differ")
shards = [set(r["submission"] for r in json.load(open(f"shard{i}.json"))["results"]) for i in range(4)]
if sum(len(s) for s in shards) != 40 or len(set().union(*shards)) != 40:
    sys.exit("the shards do not partition the batch")
if any(not s for s in shards): sys.exit("a shard of 40 files is empty")
ET.parse("merged.xml")
if len(json.load(open("merged-gs.json"))["tests"]) != 40: sys.exit("gradescope report incomplete")
print("0 differences over 40 files; shard sizes", [len(s) for s in shards])
PY

"$cj" merge shard0.jsonl shard1.jsonl shard3.jsonl > /dev/null 2> err.txt
[ $? = 2 ] && grep -q "shards 2 of 4 are missing" err.txt || problem "merge without shard 2: $(cat err.txt)"
"$cj" merge shard0.jsonl shard0.jsonl shard1.jsonl shard2.jsonl shard3.jsonl > /dev/null 2> err.txt
[ $? = 2 ] && grep -q "given twice" err.txt || problem "merge with a shard twice: $(cat err.txt)"
"$cj" merge one.jsonl shard1.jsonl > /dev/null 2> err.txt
[ $? = 2 ] && grep -q "another batch" err.txt || problem "merge of mixed batches: $(cat err.txt)"
"$cj" grade print-in-order subs --shard 4/4 > /dev/null 2> err.txt
[ $? = 2 ] && grep -q "0 <= I < N" err.txt || problem "--shard 4/4: $(cat err.txt)"
exit $fail
