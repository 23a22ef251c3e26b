#!/usr/bin/env bash
# replay_same_trace.sh CJ SLUG FILE REPEATS
# Judges FILE in explore mode with a fixed seed REPEATS times, then once more with the strategy
# and schedule index the first run reported, and fails unless every run gives the same verdict
# and the same trace.
set -uo pipefail
cj=$1 slug=$2 file=$3 repeats=$4
seed=${CJ_REPLAY_SEED:-12345}
summary() {
  python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["verdict"]); print("\n".join(j.get("trace", [])))'
}
first=$("$cj" judge "$slug" "$file" --json --mode explore --seed "$seed" --budget 2 | summary)
if [[ $(head -1 <<<"$first") == accepted || $(wc -l <<<"$first") -lt 2 ]]; then
  echo "the first run found nothing to replay:"
  echo "$first"
  exit 1
fi
for ((i = 1; i <= repeats; i++)); do
  again=$("$cj" judge "$slug" "$file" --json --mode explore --seed "$seed" --budget 2 | summary)
  if [[ $again != "$first" ]]; then
    echo "run $((i + 1)) differs:"
    diff <(echo "$first") <(echo "$again")
    exit 1
  fi
done
echo "$((repeats + 1)) runs gave the same verdict and trace ($(head -1 <<<"$first"), $(($(wc -l <<<"$first") - 1)) steps)"
