#!/usr/bin/env bash
# watch_tmux.sh CJ [ARTIFACTS]: drives `cj watch` in a tmux pane (send-keys, capture-pane); the
# pane before and after the fix is kept in ARTIFACTS.
set -uo pipefail
cj=$1 artifacts=${2:-}
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed (apt-get install tmux)"; exit 77; }
tmp=$(mktemp -d)
chmod 755 "$tmp"  # run as root, the sandboxed compiler reads the file as uid 65534
sock=cj-watch-test-$$
export XDG_DATA_HOME=$tmp/xdg
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- the pane:"
  tmux -L "$sock" capture-pane -p -t cj 2>/dev/null
  exit 1
}
pane() { tmux -L "$sock" capture-pane -p -t cj 2>/dev/null; }
# wait_for REGEX SECONDS: until the pane shows REGEX.
wait_for() {
  local deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    pane | grep -qE "$1" && return 0
    sleep 0.3
  done
  return 1
}

file=$tmp/my.cpp
tmux -L "$sock" new-session -d -s cj -x 200 -y 60 \
  "XDG_DATA_HOME=$XDG_DATA_HOME $cj watch 1114 $file --mode explore --budget 0.5 --interview 30; sleep 30"
wait_for "wrote the stub" 30 || fail "the stub was not written"
[[ -f $file ]] || fail "no stub at $file"
wait_for "interview: (29|30):[0-9][0-9] left" 5 || fail "no countdown"

cp solutions/print-in-order/buggy_lost_wakeup.cpp "$file"
# A lost wakeup: a deadlock, or a wrong order when a spurious wakeup lets second() run early.
rejected="^(deadlock|wrong_answer) "
wait_for "$rejected" 90 || fail "saving the buggy file did not show its verdict"
pane | grep -q "failing schedule" || fail "no trace shown"
pane | grep -q "h: hint 1 of 3" || fail "no hint offered"

tmux -L "$sock" send-keys -t cj h
wait_for "Hint 1 of 3:" 10 || fail "h did not reveal the first hint"
[[ -n $artifacts ]] && mkdir -p "$artifacts" && pane >"$artifacts/watch-rejected.txt"

cp solutions/print-in-order/mutex_cv.cpp "$file"
wait_for "^accepted " 90 || fail "saving the fix did not change the verdict"
pane | grep -qE "$rejected" && fail "the old verdict is still shown"
[[ -n $artifacts ]] && pane >"$artifacts/watch-accepted.txt"

tmux -L "$sock" send-keys -t cj q
deadline=$((SECONDS + 10))
until ! pane | grep -q "q: quit" || ((SECONDS > deadline)); do sleep 0.3; done

progress=$XDG_DATA_HOME/cj/progress.json
[[ -f $progress ]] || fail "no progress recorded"
python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['print-in-order']; \
  assert p['solved'] and p['attempts'] == 2 and p['best_s'] > 0, p" "$progress" ||
  fail "progress is not solved after 2 attempts: $(cat "$progress")"
XDG_DATA_HOME=$XDG_DATA_HOME "$cj" list | grep -E "print-in-order .*\[solved, 2 attempts, best [0-9]+:[0-9]{2}\]" ||
  fail "cj list does not show the progress"
echo ok
