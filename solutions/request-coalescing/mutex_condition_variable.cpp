// expect: accepted
// One mutex guards a map from key to the call in flight for it; a caller that finds a call waits
// on that call's condition variable, the caller that created it runs the loader outside the lock.
//
// Why it is correct: the lookup and the insertion of a call happen under one lock, so a second
// load of a key can only start once the first call was erased, and it is erased in the same
// critical section that publishes its result, so a later request never sees an old result.
// Waiters wait in a loop on `done`, which is set under the lock before notify_all, so neither a
// spurious wakeup nor a notify before the wait loses anything. The loader runs unlocked: callers
// of other keys are not held up, and a loader that throws is caught and its exception stored.
class RequestCoalescer {
    struct Call {
        bool done = false;        // guarded by mu_
        int value = 0;            // guarded by mu_, meaningful once done
        exception_ptr error;      // guarded by mu_, meaningful once done
        condition_variable ready;
    };

public:
    RequestCoalescer(function<int(int)> loader) : loader_(std::move(loader)) {}

    int get(int key) {
        unique_lock<mutex> lock(mu_);
        auto found = calls_.find(key);
        if (found != calls_.end()) {
            shared_ptr<Call> call = found->second;  // keeps it alive after it is erased
            call->ready.wait(lock, [&] { return call->done; });
            if (call->error) rethrow_exception(call->error);
            return call->value;
        }
        auto call = make_shared<Call>();
        calls_[key] = call;
        lock.unlock();
        int value = 0;
        exception_ptr error;
        try {
            value = loader_(key);
        } catch (...) {
            error = current_exception();
        }
        lock.lock();
        call->done = true;
        call->value = value;
        call->error = error;
        calls_.erase(key);
        lock.unlock();
        call->ready.notify_all();
        if (error) rethrow_exception(error);
        return value;
    }

private:
    function<int(int)> loader_;             // set once in the constructor
    mutex mu_;                              // guards calls_ and every Call's fields
    map<int, shared_ptr<Call>> calls_;      // the call in flight for each key
};
