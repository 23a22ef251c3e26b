// expect: wrong_answer
// Turns coalescing into caching: the shared future of a key stays in the map after its load
// finished, so every later request gets the first burst's result (or its exception) forever.
class RequestCoalescer {
public:
    RequestCoalescer(function<int(int)> loader) : loader_(std::move(loader)) {}

    int get(int key) {
        promise<int> mine;
        shared_future<int> result;
        bool loader = false;
        {
            lock_guard<mutex> lock(mu_);
            auto found = results_.find(key);
            if (found != results_.end()) {
                result = found->second;
            } else {
                result = mine.get_future().share();
                results_.emplace(key, result);
                loader = true;
            }
        }
        if (loader) {
            try {
                mine.set_value(loader_(key));
            } catch (...) {
                mine.set_exception(current_exception());
            }
        }
        return result.get();
    }

private:
    function<int(int)> loader_;
    mutex mu_;
    map<int, shared_future<int>> results_;
};
