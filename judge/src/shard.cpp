#include "shard.hpp"

#include <cstdint>
#include <filesystem>

namespace cj {

std::optional<Shard> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
  try {
    std::size_t used = 0;
    Shard s;
    s.index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) return std::nullopt;
    const std::string count = text.substr(slash + 1);
    s.count = std::stoi(count, &used);
    if (used != count.size()) return std::nullopt;
    if (s.count < 1 || s.count > 100000 || s.index < 0 || s.index >= s.count) return std::nullopt;
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool in_shard(const std::string& path, const Shard& shard) {
  // FNV-1a over the lexically normal path: "./a/b.cpp" and "a/b.cpp" land in the same slice.
  const std::string normal = std::filesystem::path(path).lexically_normal().string();
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : normal) h = (h ^ c) * 1099511628211ULL;
  return static_cast<int>(h % static_cast<std::uint64_t>(shard.count)) == shard.index;
}

}  // namespace cj
