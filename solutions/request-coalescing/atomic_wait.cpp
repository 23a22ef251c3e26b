// expect: accepted
// C++20 atomic wait/notify: each call in flight has an atomic<int> state (0 loading, 1 ready);
// waiters block in state.wait(0) and the loader publishes the result, flips the state with a
// release store and notify_all. The map of calls is guarded by one mutex.
//
// Why it is correct: lookup and insertion happen under the mutex, so one loader per key runs
// until its entry is erased; the loader erases it before the state flips, so a request that
// comes later starts a new load. A waiter re-checks the state after every return of wait()
// (atomic wait may return spuriously), and wait(0) returns at once if the state is already 1, so
// a notify before the wait loses nothing. The result fields are written before the release
// store of the state and read after an acquire load that saw 1: no data race.
class RequestCoalescer {
    struct Call {
        atomic<int> state{0};  // 0 while loading, 1 once value/error are written
        int value = 0;         // written by the loader before state = 1
        exception_ptr error;   // likewise
    };

public:
    RequestCoalescer(function<int(int)> loader) : loader_(std::move(loader)) {}

    int get(int key) {
        shared_ptr<Call> call;
        bool loader = false;
        {
            lock_guard<mutex> lock(mu_);
            auto& slot = calls_[key];
            if (!slot) {
                slot = make_shared<Call>();
                loader = true;
            }
            call = slot;
        }
        if (loader) {
            try {
                call->value = loader_(key);
            } catch (...) {
                call->error = current_exception();
            }
            {
                lock_guard<mutex> lock(mu_);
                calls_.erase(key);
            }
            call->state.store(1, memory_order_release);
            call->state.notify_all();
        } else {
            while (call->state.load(memory_order_acquire) == 0) call->state.wait(0, memory_order_acquire);
        }
        if (call->error) rethrow_exception(call->error);
        return call->value;
    }

private:
    function<int(int)> loader_;             // set once in the constructor
    mutex mu_;                              // guards calls_ (not the Calls' fields: see state)
    map<int, shared_ptr<Call>> calls_;      // the call in flight for each key
};
