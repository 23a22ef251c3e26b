#!/usr/bin/env bash
# cli_contract.sh CJ CASE: one check of the cj command contract (GUIDE.md §2).
set -uo pipefail
cj=$1 case=$2
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cases
rel=tests/cli/cases
err=$(mktemp)
trap 'rm -f "$err"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
json_field() { sed -n "s/^  \"$1\": \(.*\),\{0,1\}$/\1/p" | sed 's/,$//'; }

case $case in
  unknown_problem)
    "$cj" judge no-such-problem "$dir/throws.cpp" >/dev/null 2>"$err"; rc=$?
    [[ $rc == 2 ]] || fail "exit $rc, expected 2"
    grep -q "unknown problem" "$err" || fail "no clear message: $(cat "$err")";;
  missing_file)
    "$cj" judge 1114 /no/such/file.cpp >/dev/null 2>"$err"; rc=$?
    [[ $rc == 2 ]] || fail "exit $rc, expected 2"
    grep -q "no such file" "$err" || fail "no clear message: $(cat "$err")";;
  bad_flag)
    "$cj" judge 1114 "$dir/throws.cpp" --no-such-flag >/dev/null 2>&1; rc=$?
    [[ $rc == 2 ]] || fail "exit $rc, expected 2";;
  json_fields)
    out=$("$cj" judge 1114 "$rel/throws.cpp" --json --budget 0.3 --mode stress); rc=$?
    [[ $rc == 1 ]] || fail "exit $rc, expected 1"
    for f in problem submission verdict reason mode seed replay trials run_s elapsed_s findings; do
      grep -q "^  \"$f\": " <<<"$out" || fail "field $f missing in: $out"
    done
    [[ $(json_field submission <<<"$out") == "\"$rel/throws.cpp\"" ]] || fail "submission not as given"
    [[ $(json_field problem <<<"$out") == '"print-in-order"' ]] || fail "problem is not the slug";;
  compile_error)
    out=$("$cj" judge print-in-order "$rel/compile_error.cpp" --json); rc=$?
    [[ $rc == 1 ]] || fail "exit $rc, expected 1"
    [[ $(json_field verdict <<<"$out") == '"compile_error"' ]] || fail "$out"
    grep -q "$rel/compile_error.cpp:4:" <<<"$out" || fail "error does not point at the user's line: $out";;
  clang_only)
    # Plain builds use clang, ThreadSanitizer's build GCC: a file only clang accepts is judged by
    # the other modes, and the verdict says tsan was skipped and why, never compile_error.
    out=$("$cj" judge 1114 "$rel/clang_only.cpp" --json --budget 0.5); rc=$?
    [[ $rc == 0 && $(json_field verdict <<<"$out") == '"accepted"' ]] || fail "exit $rc: $out"
    grep -q '"not_compiled"' <<<"$out" || fail "no finding says the tsan build failed: $out"
    grep -q 'tsan mode was skipped' <<<"$out" || fail "does not say tsan was skipped: $out";;
  gcc_only)
    # What clang rejects and GCC compiles is judged with GCC's build, and the verdict says so.
    out=$("$cj" judge 1114 "$rel/gcc_only.cpp" --json --budget 0.5); rc=$?
    [[ $rc == 0 && $(json_field verdict <<<"$out") == '"accepted"' ]] || fail "exit $rc: $out"
    grep -q '"compiled_with_gcc"' <<<"$out" || fail "no finding says GCC's build was judged: $out"
    grep -q 'gcc_only.cpp:14:' <<<"$out" || fail "clang's error does not point at the line: $out";;
  wrong_interface)
    out=$("$cj" judge 1114 "$rel/wrong_interface.cpp" --json)
    [[ $(json_field verdict <<<"$out") == '"compile_error"' ]] || fail "$out"
    grep -q "LeetCode's interface" <<<"$out" || fail "does not say the interface is wrong: $out";;
  uncaught_exception)
    out=$("$cj" judge 1114 "$rel/throws.cpp" --json --budget 0.3)
    [[ $(json_field verdict <<<"$out") == '"runtime_error"' ]] || fail "$out"
    grep -q "oops in second" <<<"$out" || fail "the exception's message is missing: $out";;
  exit_mid_run)
    out=$("$cj" judge 1114 "$rel/exits.cpp" --json --budget 0.3)
    [[ $(json_field verdict <<<"$out") == '"runtime_error"' ]] || fail "$out"
    grep -q "exit()" <<<"$out" || fail "does not name exit(): $out";;
  crash)
    out=$("$cj" judge 1114 "$rel/crashes.cpp" --json --budget 0.3)
    [[ $(json_field verdict <<<"$out") == '"runtime_error"' ]] || fail "$out"
    grep -q "SIGSEGV" <<<"$out" || fail "does not name the signal: $out";;
  new_and_show)
    tmp=$(mktemp -d)
    "$cj" new 1114 "$tmp/mine.cpp" >/dev/null || fail "cj new failed"
    cmp -s "$tmp/mine.cpp" problems/print-in-order/stub.cpp || fail "stub differs"
    "$cj" new 1114 "$tmp/mine.cpp" >/dev/null 2>&1 && fail "cj new overwrote a file"
    "$cj" show print-in-order | grep -q "^# 1114. Print in Order" || fail "cj show"
    "$cj" list | grep -q "print-in-order" || fail "cj list"
    rm -rf "$tmp";;
  mode_ruled_out)
    # Explore cannot follow Boost.Fiber's or CAF's own switches: asked for by name, the mode is
    # not run, and the learner reads why (never a crash or a false verdict).
    for sub in solutions/pipeline/boost_fiber_channels.cpp:pipeline:boost/fiber \
               solutions/actor-bank/caf_actors.cpp:actor-bank:caf/; do
      IFS=: read -r file slug uses <<<"$sub"
      out=$("$cj" judge "$slug" "$file" --mode explore --json); rc=$?
      [[ $rc == 2 ]] || fail "$file: exit $rc, expected 2: $out"
      [[ $(json_field verdict <<<"$out") == '"not_applicable"' ]] || fail "$file: $out"
      grep -q "not judged in explore mode because it uses $uses" <<<"$out" || fail "no why: $out"
      text=$("$cj" judge "$slug" "$file" --mode explore)
      grep -q "not judged in explore mode because it uses $uses" <<<"$text" || fail "text: $text"
    done;;
  *) fail "unknown case $case";;
esac
echo "ok: $case"
