// cj::time_is_virtual(): whether the calling thread is one the controlled scheduler runs.
#include "cj/clock.hpp"
#include "explore/scheduler.hpp"

namespace cj {

bool time_is_virtual() noexcept { return explore::t_self != nullptr; }

}  // namespace cj
