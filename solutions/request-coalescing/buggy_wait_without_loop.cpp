// expect: wrong_answer
// Waiters call wait() once under `if` instead of in a loop: a condition variable may wake a
// waiter without a notify (a spurious wakeup), and this one then returns the call's value before
// the load wrote it. Plain stress almost never sees a spurious wakeup; explore injects them.
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
            if (!call->done) call->ready.wait(lock);
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
    function<int(int)> loader_;
    mutex mu_;
    map<int, shared_ptr<Call>> calls_;
};
