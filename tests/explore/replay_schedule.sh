#!/usr/bin/env bash
# replay_schedule.sh CJ: a failing explore schedule is data (the `schedule` of --json); cj judge
# --replay SCHEDULE (the text, or a file holding it) runs that one execution again and reports
# the same verdict, reason, trace and schedule. One found by random sampling, one by DFS (whose
# search state is gone by the replay).
set -uo pipefail
cj=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
same() {  # same FIRST.json SECOND.json
  python3 - "$1" "$2" <<'PY' || fail "replay differs: $(cat "$2")"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert a["verdict"] != "accepted", a
assert b["trials"] == 1, b["trials"]
for k in ("verdict", "reason", "trace", "schedule"):
    assert a.get(k) == b.get(k), k
PY
}
"$cj" judge 1114 solutions/print-in-order/buggy_lost_wakeup.cpp --mode explore --seed 2 --json \
  >"$tmp/a.json"
python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['schedule'])" "$tmp/a.json" \
  >"$tmp/a.schedule"
"$cj" judge 1114 solutions/print-in-order/buggy_lost_wakeup.cpp --replay "$tmp/a.schedule" --json \
  >"$tmp/b.json"
same "$tmp/a.json" "$tmp/b.json"
"$cj" judge 1114 solutions/print-in-order/buggy_lost_wakeup.cpp --replay "$(cat "$tmp/a.schedule")" \
  --json >"$tmp/c.json"
same "$tmp/a.json" "$tmp/c.json"
"$cj" judge 1114 solutions/print-in-order/buggy_if_not_while.cpp --mode explore --strategy dfs \
  --seed 3 --json >"$tmp/d.json"
python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['schedule'])" "$tmp/d.json" \
  >"$tmp/d.schedule"
"$cj" judge 1114 solutions/print-in-order/buggy_if_not_while.cpp --replay "$tmp/d.schedule" --json \
  >"$tmp/e.json"
same "$tmp/d.json" "$tmp/e.json"
# Bad schedules are usage errors, never a verdict.
"$cj" judge 1114 solutions/print-in-order/mutex_cv.cpp --replay "case=0;seed=1" >/dev/null 2>&1 &&
  fail "an incomplete schedule was accepted"
echo ok
