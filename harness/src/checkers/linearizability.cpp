// The non-template parts of cj/linearizability.hpp, compiled once into the harness library.
#include "cj/linearizability.hpp"

#include <algorithm>

namespace cj::lin {

std::vector<Operation> prefix(const std::vector<Operation>& ops, std::uint64_t cut) {
  std::vector<Operation> out;
  for (Operation op : ops) {
    if (op.call > cut) continue;
    if (!op.pending() && op.ret > cut) op.ret = Operation::kPending;
    out.push_back(op);
  }
  return out;
}

std::string format(const std::vector<Operation>& w,
                   const std::function<std::string(int thread)>& who,
                   const std::function<std::string(const Operation&)>& call,
                   const std::function<std::string(const Operation&)>& result) {
  std::vector<std::uint64_t> stamps;
  for (const auto& op : w) {
    stamps.push_back(op.call);
    if (!op.pending()) stamps.push_back(op.ret);
  }
  std::sort(stamps.begin(), stamps.end());
  auto pos = [&](std::uint64_t s) {
    return std::to_string(std::lower_bound(stamps.begin(), stamps.end(), s) - stamps.begin() + 1);
  };
  std::string out;
  for (const auto& op : w) {
    out += "[" + pos(op.call) + "," + (op.pending() ? std::string("-") : pos(op.ret)) + "] " +
           who(op.thread) + ": " + call(op);
    if (op.pending()) {
      out += " (had not returned)";
    } else {
      const std::string r = result(op);
      if (!r.empty()) out += " -> " + r;
    }
    out += "\n";
  }
  return out;
}

}  // namespace cj::lin
