#!/usr/bin/env bash
# timeline.sh CJ CASE: one check of the failing schedule's timeline (data, page, report).
set -uo pipefail
cj=$1 case=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# python3 reads the JSON (it ships with Debian's base system).
query() { python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print($2)" "$1"; }
lanes() { grep -o '<g class="lane[^"]*" data-thread=' "$1" | wc -l; }

case $case in
  lost_wakeup_json)
    "$cj" judge 1114 solutions/print-in-order/buggy_lost_wakeup.cpp --mode explore --json \
      >"$tmp/r.json"
    # A lost wakeup: a deadlock, or a wrong order when a spurious wakeup lets a thread run early.
    verdict=$(query "$tmp/r.json" "t['verdict']")
    [[ $verdict == deadlock || $verdict == wrong_answer ]] || fail "$(cat "$tmp/r.json")"
    [[ $(query "$tmp/r.json" "len(t['timeline']['threads'])") == 3 ]] || fail "not 3 threads"
    [[ $(query "$tmp/r.json" "sorted(x['name'] for x in t['timeline']['threads'])") == \
      "['first()', 'second()', 'third()']" ]] || fail "threads not named by their methods"
    # A deadlock: somebody is still blocked at the end, on a condition variable.
    [[ $verdict == wrong_answer ]] ||
      [[ $(query "$tmp/r.json" "any(b['to'] is None and b['kind'] == 'cond' for b in t['timeline']['blocked'])") \
        == True ]] || fail "no open wait on a condition variable"
    # The notify nobody waited for is in the timeline.
    [[ $(query "$tmp/r.json" "any(s['op'] == 'signal' and s['arg'] < 0 for s in t['timeline']['steps'])") \
      == True ]] || fail "no lost notify in the timeline"
    [[ $(query "$tmp/r.json" "len(t['timeline']['steps']) == len(t['trace'])") == True ]] ||
      fail "the timeline and the trace disagree on the number of steps"
    [[ $(query "$tmp/r.json" "t['timeline']['end']['verdict']") == "$verdict" ]] || fail "end";;
  philosophers_cycle_page)
    "$cj" judge 1226 solutions/the-dining-philosophers/buggy_left_then_right.cpp --mode explore \
      --html "$tmp/page.html" >/dev/null
    [[ $? == 1 ]] || fail "not rejected"
    [[ $(lanes "$tmp/page.html") == 5 ]] || fail "not five lanes"
    [[ $(grep -o '<g class="lane cycle"' "$tmp/page.html" | wc -l) == 5 ]] ||
      fail "the five philosophers are not all in the highlighted cycle"
    [[ $(grep -o 'class="waits-for cycle"' "$tmp/page.html" | wc -l) == 5 ]] ||
      fail "the cycle's five waits-for arrows are missing"
    grep -q 'data-verdict="deadlock"' "$tmp/page.html" || fail "no verdict on the page"
    grep -q -- '--seed' "$tmp/page.html" || fail "no replay command on the page";;
  stress_has_no_timeline)
    "$cj" judge 1114 tests/cli/cases/throws.cpp --mode stress --budget 0.3 --json \
      --html "$tmp/page.html" >"$tmp/r.json"
    [[ $(query "$tmp/r.json" "'timeline' in t") == False ]] || fail "stress drew a timeline"
    grep -q 'class="note no-timeline"' "$tmp/page.html" || fail "the page does not say why"
    grep -q '<svg' "$tmp/page.html" && fail "a picture of nothing";;
  grade_embeds)
    mkdir "$tmp/subs"
    cp solutions/the-dining-philosophers/buggy_left_then_right.cpp "$tmp/subs/"
    echo 'class DiningPhilosophers { int x = ; };' >"$tmp/subs/broken.cpp"
    "$cj" grade 1226 "$tmp/subs" --mode explore --fresh --state "$tmp/state" \
      --html "$tmp/report.html" >"$tmp/out" || true
    [[ $(grep -o '<svg class="cj-timeline"' "$tmp/report.html" | wc -l) == 1 ]] ||
      fail "not exactly one timeline (a deadlock and a compile error): $(cat "$tmp/out")"
    [[ $(lanes "$tmp/report.html") == 5 ]] || fail "not five lanes";;
  *) fail "unknown case $case";;
esac
echo ok
