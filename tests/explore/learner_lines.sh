#!/usr/bin/env bash
# learner_lines.sh CJ CASE: a failing schedule names the learner's lines and members.
# The files are shipped solutions, so their line numbers are fixed; the seed fixes the schedule.
set -uo pipefail
cj=$1 case=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
query() { python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print($2)" "$1"; }
has() { grep -qF -- "$2" "$1" || fail "no \"$2\" in: $(cat "$1")"; }

case $case in
  print_in_order)
    # buggy_lost_wakeup.cpp: first() notifies firstDone at line 19 before second() waits on it
    # at line 24 (the notify is lost), so second() and third() wait forever.
    # Seed 2: explore v2 (fibers, strategy-owned spurious wakeups) finds the deadlock first there;
    # seed 1 now finds the spurious-wakeup wrong_answer the label also allows.
    "$cj" judge 1114 solutions/print-in-order/buggy_lost_wakeup.cpp --mode explore --seed 2 --json \
      >"$tmp/r.json"
    [[ $(query "$tmp/r.json" "t['verdict']") == deadlock ]] || fail "$(cat "$tmp/r.json")"
    query "$tmp/r.json" "'\n'.join(t['trace'])" >"$tmp/trace"
    query "$tmp/r.json" "t['reason']" >"$tmp/reason"
    has "$tmp/trace" "(line 17): first() locks mutex m"
    has "$tmp/trace" "(line 19): first() notifies one on condition variable firstDone (nobody waits: the notify is lost)"
    has "$tmp/trace" "(line 23): second() locks mutex m"
    has "$tmp/trace" "(line 24): second() waits on condition variable firstDone, releasing mutex m"
    has "$tmp/trace" "(line 31): third() waits on condition variable secondDone, releasing mutex m"
    has "$tmp/reason" "second() waits on condition variable firstDone at line 24 and no thread"
    has "$tmp/reason" "third() waits on condition variable secondDone at line 31 and no thread"
    # The JSON timeline: every wait step carries its line and member.
    [[ $(query "$tmp/r.json" "sorted({(s['line'], s['member']) for s in t['timeline']['steps'] if s['op'] == 'cond_wait'})") == \
      "[(24, 'firstDone'), (31, 'secondDone')]" ]] || fail "timeline waits: $(query "$tmp/r.json" "[s for s in t['timeline']['steps'] if s['op'] == 'cond_wait']")"
    [[ $(query "$tmp/r.json" "sorted(o.get('name', '') for o in t['timeline']['objects'])") == \
      "['firstDone', 'm', 'secondDone']" ]] || fail "objects: $(query "$tmp/r.json" "t['timeline']['objects']")";;
  philosophers)
    # buggy_left_then_right.cpp locks its left fork, forks[(philosopher + 1) % 5], at line 16 and
    # its right fork, forks[philosopher], at line 18: each waits at line 18 for the fork its
    # neighbour took at line 16.
    "$cj" judge 1226 solutions/the-dining-philosophers/buggy_left_then_right.cpp --mode explore \
      --seed 1 --json >"$tmp/r.json"
    [[ $(query "$tmp/r.json" "t['verdict']") == deadlock ]] || fail "$(cat "$tmp/r.json")"
    query "$tmp/r.json" "t['reason']" >"$tmp/reason"
    for p in 0 1 2 3 4; do
      has "$tmp/reason" "wantsToEat($p, ...) waits for mutex forks[$p] at line 18 held by wantsToEat($(((p + 4) % 5)), ...) (locked at line 16)"
    done
    query "$tmp/r.json" "'\n'.join(t['trace'])" >"$tmp/trace"
    has "$tmp/trace" "(line 16): wantsToEat(0, ...) locks mutex forks[1]"
    has "$tmp/trace" "(line 18): wantsToEat(0, ...) waits for mutex forks[0] (held by wantsToEat(4, ...))"
    [[ $(query "$tmp/r.json" "sorted(o['name'] for o in t['timeline']['objects'])") == \
      "['forks[0]', 'forks[1]', 'forks[2]', 'forks[3]', 'forks[4]']" ]] ||
      fail "objects: $(query "$tmp/r.json" "t['timeline']['objects']")";;
  *) fail "unknown case $case";;
esac
echo ok
