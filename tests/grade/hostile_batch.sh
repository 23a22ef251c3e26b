#!/usr/bin/env bash
# Grades tests/grade/hostile with a private build cache, then checks verdicts, leftovers, escapes,
# reports, usage errors and resuming. Usage: hostile_batch.sh CJ HOSTILE_DIR CACHE_DIR
# CACHE_DIR is this test's own build cache (kept between runs so that only the first run
# compiles): any process whose command line names it belongs to this test.
set -u
cj=$1
hostile=$2
export CJ_CACHE_DIR=$3
work=$(mktemp -d /tmp/cj-grade-test.XXXXXX)
mkdir -p "$CJ_CACHE_DIR"
find "$CJ_CACHE_DIR" -name cj-hostile-escape -delete
markers=(/tmp/cj-hostile-escape /var/tmp/cj-hostile-escape /dev/shm/cj-hostile-escape
         /run/lock/cj-hostile-escape "$HOME/cj-hostile-escape")
rm -f "${markers[@]}"
fail=0
problem() { echo "FAIL: $*"; fail=1; }

start=$(date +%s)
"$cj" grade print-in-order "$hostile" --json --mode stress --budget 0.3 --jobs 2 \
  --state "$work/state.jsonl" --junit "$work/junit.xml" --gradescope "$work/results.json" --html "$work/report.html" \
  > "$work/grade.json"
status=$?
echo "first batch: exit $status in $(( $(date +%s) - start )) s"
[ "$status" = 1 ] || problem "exit status $status, expected 1 (some files rejected)"

sleep 1
if ps -eo args | grep -F "$CJ_CACHE_DIR/" | grep -v grep; then
  problem "processes of the batch are still running"
fi
for m in "${markers[@]}"; do [ -e "$m" ] && problem "a submission wrote $m"; done
if find "$CJ_CACHE_DIR" -name cj-hostile-escape | grep .; then
  problem "a submission wrote into the build cache"
fi

python3 - "$hostile" "$work" <<'PY' || fail=1
import json, os, re, sys, xml.etree.ElementTree as ET
hostile, work = sys.argv[1], sys.argv[2]
report = json.load(open(os.path.join(work, "grade.json")))
got = {os.path.basename(r["submission"]): r for r in report["results"]}
ok = True
for name in sorted(os.listdir(hostile)):
    head = open(os.path.join(hostile, name)).read(2000)
    want = re.search(r"expect: (\w+)", head).group(1)
    # "judge-gives-now: V" names what the judge says today where it cannot yet say `want`.
    gap = re.search(r"judge-gives-now: (\w+)", head)
    r = got.get(name)
    verdict = r["verdict"] if r else "(missing)"
    mark = "ok  " if verdict == want else "GAP " if gap and verdict == gap.group(1) else "FAIL"
    ok &= mark != "FAIL"
    print(f"{mark} {name:24} {verdict:15} {r['reason'] if r else ''}"[:200])
counts = {}
for r in report["results"]:
    counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
ok &= counts == report["summary"]
for key in ("problem", "submission", "verdict", "reason", "mode", "seed", "replay", "trials",
            "run_s", "elapsed_s", "findings"):
    ok &= all(key in r for r in report["results"])
suites = ET.parse(os.path.join(work, "junit.xml")).getroot()
ok &= int(suites.get("tests")) == len(report["results"])
gs = json.load(open(os.path.join(work, "results.json")))
ok &= len(gs["tests"]) == len(report["results"]) and all(
    t["status"] in ("passed", "failed") for t in gs["tests"])
html = open(os.path.join(work, "report.html")).read()
ok &= all(os.path.basename(r["submission"]) in html for r in report["results"])
print("reports parse and agree" if ok else "FAIL: verdicts or reports")
sys.exit(0 if ok else 1)
PY

# Resuming: every verdict was recorded, so a second run judges nothing and agrees.
start=$(date +%s)
"$cj" grade print-in-order "$hostile" --json --mode stress --budget 0.3 --state "$work/state.jsonl" \
  > "$work/again.json"
took=$(( $(date +%s) - start ))
echo "second batch (resumed): $took s"
[ "$took" -le 5 ] || problem "the resumed batch judged files again ($took s)"
python3 -c "
import json,sys
a=json.load(open('$work/grade.json')); b=json.load(open('$work/again.json'))
sys.exit(0 if [r['verdict'] for r in a['results']]==[r['verdict'] for r in b['results']] else 1)" ||
  problem "the resumed batch gave other verdicts"

# Usage errors.
mkdir -p "$work/empty"
"$cj" grade print-in-order "$work/empty" > /dev/null 2>&1
[ $? = 2 ] || problem "an empty folder is not a usage error"
"$cj" grade no-such-problem "$hostile" > /dev/null 2>&1
[ $? = 2 ] || problem "an unknown problem is not a usage error"

if [ $fail = 0 ]; then rm -rf "$work"; else echo "kept $work"; fi
exit $fail
