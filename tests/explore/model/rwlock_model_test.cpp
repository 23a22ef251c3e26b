// The rwlock model over every schedule: readers share it, a writer excludes readers and writers.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

// Actors 0 and 1 read, actor 2 (when there are three) writes; each yields inside, so that the
// others get every chance to come in.
struct ReadersAndWriter {
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  int readers = 0, most_readers = 0;
  bool writer_in = false, broken = false;
  void run(int actor) {
    if (actor < 2) {
      pthread_rwlock_rdlock(&rw);
      broken |= writer_in;
      most_readers = std::max(most_readers, ++readers);
      sched_yield();
      --readers;
      pthread_rwlock_unlock(&rw);
    } else {
      pthread_rwlock_wrlock(&rw);
      broken |= readers > 0 || writer_in;
      writer_in = true;
      sched_yield();
      writer_in = false;
      pthread_rwlock_unlock(&rw);
    }
  }
  std::string result() const {
    return broken ? "excluded nobody"
                  : "at most " + std::to_string(most_readers) + " readers in together";
  }
};

TEST(RwlockModel, ReadersShareIt) {
  const Exploration e = explore_every_schedule<ReadersAndWriter>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"at most 1 readers in together", "at most 2 readers in together"}));
}

TEST(RwlockModel, AWriterExcludesReaders) {
  const Exploration e = explore_every_schedule<ReadersAndWriter>(3);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"at most 1 readers in together", "at most 2 readers in together"}));
}

struct TwoWriters {
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  int inside = 0, most_inside = 0;
  int tried = -1;
  void run(int actor) {
    pthread_rwlock_wrlock(&rw);
    most_inside = std::max(most_inside, ++inside);
    if (actor == 0) tried = pthread_rwlock_tryrdlock(&rw);  // held for writing: EBUSY
    sched_yield();
    --inside;
    pthread_rwlock_unlock(&rw);
  }
  std::string result() const {
    return "at most " + std::to_string(most_inside) + " writer in, tryrdlock " +
           (tried == EBUSY ? "EBUSY" : std::to_string(tried));
  }
};

TEST(RwlockModel, AWriterExcludesWritersAndTryReaders) {
  const Exploration e = explore_every_schedule<TwoWriters>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"at most 1 writer in, tryrdlock EBUSY"}));
}

}  // namespace
}  // namespace cj::explore::model_test
