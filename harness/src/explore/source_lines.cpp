#include "explore/source_lines.hpp"

#include <backtrace.h>
#include <cxxabi.h>
#include <dlfcn.h>
#include <link.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <vector>

namespace cj::explore {
namespace {

// The learner's file as the line table names it, and its lines once read. Written by the thread
// holding the explorer's baton (one at a time), read when the trace is drawn after the run.
std::string g_path;
std::vector<std::string> g_lines;
bool g_read = false;

void ignore_error(void*, const char*, int) {}

// While set on a thread, its dl_iterate_phdr() reports the executable alone: libbacktrace then
// reads the line table of the executable (where the learner's code is) and not the debug files
// of libc and the other libraries (/usr/lib/debug, where installed: ~0.2 s here), which the
// learner's lines never need. Not under ThreadSanitizer, whose runtime walks the libraries
// through its own interceptor before anything is set up (a definition of dl_iterate_phdr
// crashes it at start); explore, the only user of lines, never runs on that build.
thread_local bool t_executable_only = false;

#ifndef __SANITIZE_THREAD__
using PhdrCallback = int (*)(dl_phdr_info*, std::size_t, void*);
using IteratePhdr = int (*)(PhdrCallback, void*);

IteratePhdr real_iterate_phdr() {
  static IteratePhdr real = reinterpret_cast<IteratePhdr>(dlsym(RTLD_NEXT, "dl_iterate_phdr"));
  return real;
}
const IteratePhdr g_resolved_at_start = real_iterate_phdr();
#endif

backtrace_state* state() {
  static backtrace_state* s = backtrace_create_state(nullptr, 1, ignore_error, nullptr);
  return s;
}

bool is_learner_file(const char* file) {
  if (!file) return false;
  const std::size_t n = std::strlen(file), k = std::strlen(kLearnerFile);
  return n >= k && std::strcmp(file + n - k, kLearnerFile) == 0 &&
         (n == k || file[n - k - 1] == '/');
}

struct Found {
  int line = 0;
};

int on_frame(void* data, std::uintptr_t, const char* file, int line, const char*) {
  if (!is_learner_file(file) || line <= 0) return 0;
  static_cast<Found*>(data)->line = line;
  if (g_path.empty()) g_path = file;
  return 1;  // the innermost frame in the learner's file: stop
}

const std::vector<std::string>& source() {
  if (!g_read && !g_path.empty()) {
    g_read = true;
    std::ifstream in(g_path);
    for (std::string l; std::getline(in, l);) g_lines.push_back(l);
  }
  return g_lines;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

/// The text without its // comment (strings are not looked into: good enough for a locator).
std::string code_of(const std::string& text) {
  const auto c = text.find("//");
  return c == std::string::npos ? text : text.substr(0, c);
}

/// The postfix expression that ends just before `end` ("forks[i]" in "forks[i].lock()").
std::string postfix_before(const std::string& s, std::size_t end) {
  std::size_t i = end;
  for (;;) {
    while (i > 0 && s[i - 1] == ' ') --i;
    if (i > 0 && (s[i - 1] == ']' || s[i - 1] == ')')) {
      const char close = s[i - 1], open = close == ']' ? '[' : '(';
      int depth = 0;
      while (i > 0) {
        --i;
        if (s[i] == close) ++depth;
        if (s[i] == open && --depth == 0) break;
      }
      if (depth != 0) return "";
      continue;
    }
    const std::size_t id_end = i;
    while (i > 0 && ident_char(s[i - 1])) --i;
    if (i == id_end) break;
    if (i >= 1 && s[i - 1] == '.') {
      --i;
      continue;
    }
    if (i >= 2 && ((s[i - 2] == '-' && s[i - 1] == '>') || (s[i - 2] == ':' && s[i - 1] == ':'))) {
      i -= 2;
      continue;
    }
    break;
  }
  std::string e = trim(s.substr(i, end - i));
  if (e.rfind("this->", 0) == 0) e = e.substr(6);
  return e;
}

/// The top-level arguments of the bracket opened at `open` ('(' or '{').
std::vector<std::string> arguments(const std::string& s, std::size_t open) {
  std::vector<std::string> out;
  int depth = 0;
  std::string cur;
  for (std::size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(' || c == '[' || c == '{') {
      if (depth++ > 0) cur += c;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (--depth == 0) {
        out.push_back(trim(cur));
        return out;
      }
      cur += c;
      continue;
    }
    if (c == ',' && depth == 1) {
      out.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  return {};  // not closed on this line
}

/// `KIND<...> name(ARG...)` or `KIND name{ARG...}`: the arguments, for each such declaration.
void guard_operands(const std::string& s, const char* kind, std::vector<std::string>& out) {
  const std::size_t k = std::strlen(kind);
  for (std::size_t at = s.find(kind); at != std::string::npos; at = s.find(kind, at + 1)) {
    if ((at > 0 && ident_char(s[at - 1])) || ident_char(s[at + k])) continue;
    std::size_t i = at + k;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == '<') {
      int depth = 0;
      for (; i < s.size(); ++i) {
        if (s[i] == '<') ++depth;
        if (s[i] == '>' && --depth == 0) break;
      }
      ++i;
    }
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t name = i;
    while (i < s.size() && ident_char(s[i])) ++i;
    if (i == name) continue;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || (s[i] != '(' && s[i] != '{')) continue;
    for (const std::string& a : arguments(s, i)) {
      if (a.find("_lock") != std::string::npos && a.find_first_of("[(.") == std::string::npos)
        continue;  // adopt_lock, defer_lock, try_to_lock
      out.push_back(a.rfind("this->", 0) == 0 ? a.substr(6) : a);
    }
  }
}

/// `EXPR.method(` or `EXPR->method(`: EXPR, for each such call.
void call_operands(const std::string& s, const char* method, std::vector<std::string>& out) {
  const std::string m = std::string(method) + "(";
  for (std::size_t at = s.find(m); at != std::string::npos; at = s.find(m, at + 1)) {
    std::size_t end = at;
    if (end >= 1 && s[end - 1] == '.')
      end -= 1;
    else if (end >= 2 && s[end - 2] == '-' && s[end - 1] == '>')
      end -= 2;
    else
      continue;
    const std::string e = postfix_before(s, end);
    if (!e.empty()) out.push_back(e);
  }
}

}  // namespace

int learner_line_at(std::uintptr_t pc) noexcept {
  backtrace_state* s = state();
  if (!s) return 0;
  Found found;
  t_executable_only = true;
  backtrace_pcinfo(s, pc, on_frame, ignore_error, &found);
  t_executable_only = false;
  return found.line;
}

int learner_line() noexcept {
  backtrace_state* s = state();
  if (!s) return 0;
  // Unwind first (the unwinder needs every library), then look the addresses up.
  struct Stack {
    std::uintptr_t pc[48];
    int n = 0;
  } stack;
  backtrace_simple(
      s, 1,
      [](void* data, std::uintptr_t pc) {
        auto* st = static_cast<Stack*>(data);
        st->pc[st->n++] = pc;
        return st->n == 48 ? 1 : 0;
      },
      ignore_error, &stack);
  int line = 0;
  for (int k = 0; k < stack.n && line == 0; ++k) line = learner_line_at(stack.pc[k]);
  return line;
}

bool in_learner_file(std::uintptr_t pc) noexcept {
  backtrace_state* s = state();
  if (!s) return false;
  bool found = false;
  t_executable_only = true;
  backtrace_pcinfo(
      s, pc,
      [](void* data, std::uintptr_t, const char* file, int, const char*) {
        if (!is_learner_file(file)) return 0;
        *static_cast<bool*>(data) = true;
        return 1;
      },
      ignore_error, &found);
  t_executable_only = false;
  return found;
}

std::string learner_source_line(int line) {
  const auto& lines = source();
  if (line <= 0 || static_cast<std::size_t>(line) > lines.size()) return "";
  return lines[static_cast<std::size_t>(line) - 1];
}

std::string operand_on(const std::string& text, char kind) {
  const std::string s = code_of(text);
  std::vector<std::string> found;
  switch (kind) {
    case 'm':
      for (const char* g : {"lock_guard", "unique_lock", "scoped_lock"})
        guard_operands(s, g, found);
      for (const char* m : {"lock", "try_lock", "try_lock_for", "try_lock_until"})
        call_operands(s, m, found);
      break;
    case 'r':
      for (const char* g : {"lock_guard", "unique_lock", "shared_lock"})
        guard_operands(s, g, found);
      for (const char* m : {"lock", "lock_shared", "try_lock", "try_lock_shared"})
        call_operands(s, m, found);
      break;
    case 'c':
      for (const char* m : {"wait", "wait_for", "wait_until", "notify_one", "notify_all"})
        call_operands(s, m, found);
      break;
    case 's':
      for (const char* m :
           {"acquire", "release", "try_acquire", "try_acquire_for", "try_acquire_until"})
        call_operands(s, m, found);
      break;
    case 'a':
      for (const char* m : {"load", "store", "exchange", "fetch_add", "fetch_sub", "fetch_and",
                            "fetch_or", "fetch_xor", "compare_exchange_weak",
                            "compare_exchange_strong", "test_and_set", "clear", "test"})
        call_operands(s, m, found);
      break;
    case 'f':
      for (const char* m :
           {"wait", "notify_one", "notify_all", "acquire", "release", "try_acquire",
            "arrive_and_wait", "arrive_and_drop", "count_down", "arrive", "get", "set_value"})
        call_operands(s, m, found);
      break;
    default:
      break;
  }
  // More than one operand (`scoped_lock both(a, b)`) cannot say which one this object is.
  std::string only;
  for (const std::string& f : found) {
    if (f.empty()) continue;
    if (!only.empty() && only != f) return "";
    only = f;
  }
  return only;
}

int declared_extent(const std::string& name) {
  if (name.empty()) return 0;
  // A declaration, not a use: `forks[4].lock()` says nothing of the bound.
  const std::regex plain("\\b" + name + R"(\s*\[\s*(\d+)\s*\]\s*[;,{])");
  const std::regex array(R"(\barray\s*<[^;<>]*,\s*(\d+)\s*>\s*)" + name + "\\b");
  for (const std::string& l : source()) {
    const std::string code = code_of(l);
    std::smatch m;
    if (std::regex_search(code, m, plain) || std::regex_search(code, m, array))
      return std::atoi(m[1].str().c_str());
  }
  return 0;
}

std::string global_name(const void* address, std::size_t element_size) {
  backtrace_state* s = state();
  if (!s) return "";
  struct Sym {
    std::string name;
    std::uintptr_t value = 0, size = 0;
  } sym;
  backtrace_syminfo(
      s, reinterpret_cast<std::uintptr_t>(address),
      [](void* data, std::uintptr_t, const char* name, std::uintptr_t value, std::uintptr_t size) {
        auto* out = static_cast<Sym*>(data);
        if (name) {
          out->name = name;
          out->value = value;
          out->size = size;
        }
      },
      ignore_error, &sym);
  if (sym.name.empty()) return "";
  int status = 0;
  if (char* d = abi::__cxa_demangle(sym.name.c_str(), nullptr, nullptr, &status)) {
    if (status == 0) sym.name = d;
    std::free(d);
  }
  for (const char* library : {"std::", "cj::", "__", "boost::", "(anonymous namespace)"})
    if (sym.name.find(library) != std::string::npos) return "";
  const std::uintptr_t offset = reinterpret_cast<std::uintptr_t>(address) - sym.value;
  if (element_size > 0 && sym.size > element_size && offset % element_size == 0)
    return sym.name + "[" + std::to_string(offset / element_size) + "]";
  return offset == 0 ? sym.name : "";
}

}  // namespace cj::explore

#ifndef __SANITIZE_THREAD__
extern "C" int dl_iterate_phdr(cj::explore::PhdrCallback callback, void* data) {
  using namespace cj::explore;
  const IteratePhdr real = g_resolved_at_start ? g_resolved_at_start : real_iterate_phdr();
  if (!t_executable_only) return real(callback, data);
  struct Only {
    PhdrCallback callback;
    void* data;
  } only{callback, data};
  return real(
      [](dl_phdr_info* info, std::size_t size, void* d) {
        auto* o = static_cast<Only*>(d);
        // The executable comes first, and is the one without a name.
        return info->dlpi_name && info->dlpi_name[0] ? 1 : o->callback(info, size, o->data);
      },
      &only);
}
#endif
