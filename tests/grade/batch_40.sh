# Sourced by the sharding tests: makes_batch_40 DIR fills DIR with 40 print-in-order submissions
# (the shipped solutions and explore cases, then copies of some under other names, so that files
# with equal content at different paths are covered too).
make_batch_40() {
  local dir=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  mkdir -p "$dir"
  local n=0 f
  for f in "$root"/solutions/print-in-order/*.cpp "$root"/tests/explore/cases/print-in-order/*.cpp; do
    cp "$f" "$dir/$(printf '%02d' $n)_$(basename "$f")"
    n=$((n + 1))
    ((n == 40)) && return 0
  done
  for f in "$root"/solutions/print-in-order/*.cpp; do
    cp "$f" "$dir/$(printf '%02d' $n)_copy_of_$(basename "$f")"
    n=$((n + 1))
    ((n == 40)) && return 0
  done
}
