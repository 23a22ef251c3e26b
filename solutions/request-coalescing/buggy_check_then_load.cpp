// expect: wrong_answer
// Checks the map under the lock, but unlocks before it registers its own load: two callers that
// arrive together both find nothing, and both run the loader (a check-then-act race).
class RequestCoalescer {
    struct Call {
        bool done = false;
        int value = 0;
        exception_ptr error;
        condition_variable ready;
    };

public:
    RequestCoalescer(function<int(int)> loader) : loader_(std::move(loader)) {}

    int get(int key) {
        unique_lock<mutex> lock(mu_);
        auto found = calls_.find(key);
        if (found != calls_.end()) {
            shared_ptr<Call> call = found->second;
            call->ready.wait(lock, [&] { return call->done; });
            if (call->error) rethrow_exception(call->error);
            return call->value;
        }
        lock.unlock();
        // Nobody is loading this key: load it, then let later callers share the result.
        auto call = make_shared<Call>();
        int value = 0;
        exception_ptr error;
        try {
            value = loader_(key);
        } catch (...) {
            error = current_exception();
        }
        lock.lock();
        calls_[key] = call;
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
    function<int(int)> loader_;
    mutex mu_;
    map<int, shared_ptr<Call>> calls_;
};
