// What ThreadSanitizer cannot see, and how a driver tells it.
#pragma once

namespace cj {

#if defined(__SANITIZE_THREAD__)
extern "C" void AnnotateIgnoreReadsBegin(const char* file, int line);
extern "C" void AnnotateIgnoreReadsEnd(const char* file, int line);
#endif

/// While alive, the calling thread's reads are not recorded by ThreadSanitizer (a no-op in other
/// builds). For a driver that inspects an exception the solution handed over through
/// std::exception_ptr: its reference count lives in the uninstrumented libstdc++, so the thread
/// that frees the exception after the driver read it looks unordered with that read, although
/// the count orders the two. Keep such a scope to the driver's own reads of that object.
class UnseenReads {
 public:
  UnseenReads() {
#if defined(__SANITIZE_THREAD__)
    AnnotateIgnoreReadsBegin(__FILE__, __LINE__);
#endif
  }
  ~UnseenReads() {
#if defined(__SANITIZE_THREAD__)
    AnnotateIgnoreReadsEnd(__FILE__, __LINE__);
#endif
  }
  UnseenReads(const UnseenReads&) = delete;
  UnseenReads& operator=(const UnseenReads&) = delete;
};

}  // namespace cj
