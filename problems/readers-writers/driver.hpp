// Readers and Writers (The Little Book of Semaphores, 4.2): reader threads call read(), writer
// threads call write(), on one shared ReadersWriters. The callbacks keep who is inside (readers
// and writers share one word, so one read-modify-write on entry sees both exactly) and stay
// inside across a scheduling point, so that overlaps can happen in every mode.
//
// Two properties need an exact scheduler and are checked only when await_quiescence() can
// promise that every other thread is blocked (explore without eager time):
// - readers share: with no writer at all, a reader that reads waits until every other reader has
//   started reading too, or until nothing else can run; in the latter case a reader that called
//   read() is kept out with no writer around: not_concurrent.
// - writer preference: reader 1 reads; the writer then calls write() and must wait; once nothing
//   else can run (so the writer is waiting in write()), reader 2 calls read(). It must not start
//   reading before the writer has written.
//
// The cases and the stall text are compiled once (checks.hpp); this file holds the trial.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::readers_writers {

class LibraryTrial final : public Trial {
 public:
  LibraryTrial(int readers, int writers, int calls)
      : readers_(readers),
        writers_(writers),
        calls_(calls),
        done_(std::make_unique<std::atomic<int>[]>(readers + writers)),
        writer_preference_case_(readers == 2 && writers == 1 && calls == 1),
        rendezvous_case_(writers == 0 && calls == 1) {
    for (int a = 0; a < readers + writers; ++a) done_[a].store(0, std::memory_order_relaxed);
  }

  void run(int actor) override {
    const bool reader = actor < readers_;
    for (int call = 0; call < calls_; ++call) {
      if (writer_preference_case_) before_call(actor);
      const int before = done_[actor].load(std::memory_order_relaxed);
      if (reader) {
        called_.fetch_add(1, std::memory_order_relaxed);
        library_.read([this, actor] { read(actor); });
      } else {
        writer_called_.store(true, std::memory_order_relaxed);
        library_.write([this, actor] { write(actor - readers_); });
      }
      const int times = done_[actor].load(std::memory_order_relaxed) - before;
      if (times != 1)
        failures_.fail(name(actor) + "'s call " + std::to_string(call + 1) + " to " +
                       (reader ? "read()" : "write()") + " called " +
                       (reader ? "readRecord()" : "writeRecord()") + " " +
                       (times == 0 ? "not at all" : std::to_string(times) + " times") +
                       ": each call does it exactly once");
    }
  }

  Check check() override { return failures_.get(); }
  Check failure_so_far() const override { return failures_.so_far(); }

  std::string stuck_state() const override {
    std::vector<int> done;
    for (int a = 0; a < readers_ + writers_; ++a)
      done.push_back(done_[a].load(std::memory_order_relaxed));
    const std::uint32_t in = inside_.load(std::memory_order_relaxed);
    return stuck_text(static_cast<int>(in & kReaderMask), static_cast<int>(in >> kWriterShift),
                      readers_, calls_, done);
  }

 private:
  static constexpr std::uint32_t kWriterShift = 16;
  static constexpr std::uint32_t kReaderMask = (1u << kWriterShift) - 1;

  std::string name(int actor) const {
    return actor < readers_ ? reader_name(actor) : writer_name(actor - readers_);
  }

  void read(int r) {
    const std::uint32_t was = inside_.fetch_add(1, std::memory_order_relaxed);
    note_progress();
    if (was >> kWriterShift)
      failures_.fail(reader_name(r) +
                     " started reading while a writer was writing: a writer "
                     "is alone with the record");
    if (writer_preference_case_ && r == 1 && after_waiting_writer_ &&
        !writer_done_.load(std::memory_order_relaxed))
      failures_.fail(
          "reader 1 was reading and the writer was waiting in write() when reader 2 called "
          "read(), and reader 2 started reading before the writer had written: once a writer "
          "waits, readers that arrive after it wait for it (writer preference)");
    began_.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::yield();  // a scheduling point while inside, so that others can overlap
    if (rendezvous_case_) wait_for_other_readers(r);
    if (writer_preference_case_ && r == 0) hold_reader_zero();
    inside_.fetch_sub(1, std::memory_order_relaxed);
    done_[r].fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  void write(int w) {
    const std::uint32_t was = inside_.fetch_add(1u << kWriterShift, std::memory_order_relaxed);
    note_progress();
    if (was & kReaderMask)
      failures_.fail(writer_name(w) + " started writing while " +
                     std::to_string(was & kReaderMask) +
                     " readers were reading: a writer is alone with the record");
    else if (was)
      failures_.fail(writer_name(w) +
                     " started writing while another writer was writing: a "
                     "writer is alone with the record");
    std::this_thread::yield();
    inside_.fetch_sub(1u << kWriterShift, std::memory_order_relaxed);
    writer_done_.store(true, std::memory_order_relaxed);
    done_[readers_ + w].fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  /// Readers only: stay inside until every reader has started reading, or until nothing else
  /// can run while a reader that called read() is still kept out.
  void wait_for_other_readers(int r) {
    for (int round = 0; round < kRounds; ++round) {
      if (began_.load(std::memory_order_relaxed) == readers_) return;
      if (!await_quiescence()) return;
      if (began_.load(std::memory_order_relaxed) < readers_ &&
          called_.load(std::memory_order_relaxed) == readers_) {
        failures_.fail(reader_name(r) +
                           " was reading and another reader that had called read() "
                           "could not start reading, with no writer anywhere: "
                           "readers must be able to read at the same time",
                       "not_concurrent");
        return;
      }
    }
  }

  /// The writer-preference script: who waits for what before calling.
  void before_call(int actor) {
    if (actor == 2) {  // the writer calls once reader 1 is reading
      for (int round = 0; round < kRounds && began_.load(std::memory_order_relaxed) == 0; ++round)
        if (!await_quiescence()) return;
    } else if (actor == 1) {  // reader 2 calls once the writer is waiting
      for (int round = 0; round < kRounds && !writer_called_.load(std::memory_order_relaxed);
           ++round)
        if (!await_quiescence()) return;
      if (!writer_called_.load(std::memory_order_relaxed) || !await_quiescence()) return;
      // Nothing else could run: the writer, having called write(), waits inside it.
      after_waiting_writer_ = began_.load(std::memory_order_relaxed) == 1 &&
                              !writer_done_.load(std::memory_order_relaxed);
    }
  }

  /// Reader 1 reads until reader 2 has either started reading or is kept waiting.
  void hold_reader_zero() {
    for (int round = 0; round < kRounds; ++round) {
      if (began_.load(std::memory_order_relaxed) == 2) return;
      const bool reader_one_called = called_.load(std::memory_order_relaxed) == 2;
      if (!await_quiescence() || reader_one_called) return;
    }
  }

  static constexpr int kRounds = 16;  // bounded waits: a buggy solution cannot hang the driver

  const int readers_, writers_, calls_;
  ::ReadersWriters library_;
  FirstFailure failures_;
  std::atomic<std::uint32_t> inside_{0};      // readers inside (low half), writers (high half)
  std::unique_ptr<std::atomic<int>[]> done_;  // per actor: records read or written
  std::atomic<int> called_{0};                // read() calls made
  std::atomic<int> began_{0};                 // reads begun
  std::atomic<bool> writer_called_{false}, writer_done_{false};
  bool after_waiting_writer_ = false;  // written and read only by reader 1's thread
  const bool writer_preference_case_, rendezvous_case_;
};

class ReadersWritersProblem final : public Problem {
 public:
  std::string slug() const override { return "readers-writers"; }
  std::vector<Case> cases() const override { return table().cases(); }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<LibraryTrial>(table().param(c, "readers"), table().param(c, "writers"),
                                          table().param(c, "calls"));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return actor < table().param(c, "readers") ? "read()" : "write()";
  }

 private:
  static const NamedCases& table() { return library_cases(); }
};

CJ_PROBLEM(ReadersWritersProblem);

}  // namespace cj::readers_writers
