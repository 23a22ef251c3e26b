// expect: wrong_answer
// When the loader throws, only the caller that ran it sees the exception: the call is marked
// done with no value and no error, so every caller that shared the load returns 0 as if it had
// succeeded.
class RequestCoalescer {
    struct Call {
        bool done = false;
        int value = 0;
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
            return call->value;
        }
        auto call = make_shared<Call>();
        calls_[key] = call;
        lock.unlock();
        try {
            int value = loader_(key);
            finish(key, call, value);
            return value;
        } catch (...) {
            finish(key, call, 0);
            throw;
        }
    }

private:
    void finish(int key, const shared_ptr<Call>& call, int value) {
        {
            lock_guard<mutex> lock(mu_);
            call->done = true;
            call->value = value;
            calls_.erase(key);
        }
        call->ready.notify_all();
    }

    function<int(int)> loader_;
    mutex mu_;
    map<int, shared_ptr<Call>> calls_;
};
