#!/usr/bin/env bash
# expect_verdict.sh CJ SLUG FILE EXPECTED REPEATS MODE [BUDGET]
# Judges FILE REPEATS times and fails unless every verdict is EXPECTED: one verdict, several
# separated by | ("deadlock|wrong_answer": either), or "rejected" (any verdict but accepted and
# internal_error).
set -uo pipefail
cj=$1 slug=$2 file=$3 expected=$4 repeats=$5 mode=$6 budget=${7:-${CJ_TEST_BUDGET:-1}}
for ((i = 1; i <= repeats; i++)); do
  out=$("$cj" judge "$slug" "$file" --json --mode "$mode" --budget "$budget")
  verdict=$(printf '%s' "$out" | sed -n 's/^  "verdict": "\([a-z_]*\)".*/\1/p')
  ok=0
  IFS='|' read -ra alternatives <<<"$expected"
  for alternative in "${alternatives[@]}"; do
    if [[ $alternative == rejected ]]; then
      [[ -n $verdict && $verdict != accepted && $verdict != internal_error ]] && ok=1
    else
      [[ $verdict == "$alternative" ]] && ok=1
    fi
  done
  if ((!ok)); then
    echo "run $i of $repeats: expected $expected, got ${verdict:-nothing}"
    printf '%s\n' "$out"
    exit 1
  fi
  echo "run $i: $verdict"
done
