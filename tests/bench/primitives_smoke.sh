#!/usr/bin/env bash
# `cj bench primitives` on one problem, one short repetition: every reference of 1115 and the
# three raw limits are timed, the JSON holds a positive figure for each, and the SVG has one bar
# per figure. (What the figures are worth is for a quiet machine; this checks the pipeline.)
set -u
cj=$1
work=$(mktemp -d /tmp/cj-bench-test.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
"$cj" bench primitives --problem 1115 --repetitions 1 --min-time 0.01 \
  --json "$work/b.json" --svg "$work/b.svg" > "$work/table.txt" || { cat "$work/table.txt"; exit 1; }
cat "$work/table.txt"
python3 - "$work" <<'PY'
import json, sys, xml.etree.ElementTree as ET
work = sys.argv[1]
j = json.load(open(f"{work}/b.json"))
raw = [r["primitive"] for r in j["raw_limits"]]
if raw != ["spin", "futex", "mutex_cv"]: sys.exit(f"raw limits {raw}")
sols = j["problems"][0]["solutions"]
import glob
refs = [f for f in glob.glob("solutions/print-foobar-alternately/*.cpp") if open(f).readline().startswith("// expect: accepted")]
if len(sols) != len(refs): sys.exit(f"{len(sols)} solutions timed, {len(refs)} references shipped")
for s in sols + j["raw_limits"]:
    if not s["median_ns"] > 0: sys.exit(f"no figure for {s}")
bars = ET.parse(f"{work}/b.svg").getroot().findall(".//{http://www.w3.org/2000/svg}g")
if len(bars) != len(sols) + 3: sys.exit(f"{len(bars)} bars in the chart for {len(sols) + 3} figures")
print(f"{len(sols)} references and 3 raw limits timed and drawn")
PY
