// Splitting one grading batch across machines: `cj grade ... --shard I/N` judges the files whose
// path hashes to slice I of N, and `cj merge` turns the shards' state files back into the reports
// one run would have written.
#pragma once

#include <optional>
#include <string>

namespace cj {

/// Slice `index` (0-based, as Slurm's `--array=0-3` and Kubernetes' JOB_COMPLETION_INDEX count)
/// of `count` slices.
struct Shard {
  int index = 0;
  int count = 1;
};

/// "I/N" with 0 <= I < N; nullopt for anything else.
std::optional<Shard> parse_shard(const std::string& text);

/// Whether a file belongs to a shard. Decided by a hash of the path as the grader names it
/// (relative paths stay relative), so a file keeps its slice on every machine whatever other
/// files the batch holds.
bool in_shard(const std::string& path, const Shard& shard);

}  // namespace cj
