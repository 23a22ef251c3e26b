// expect: accepted
// The call in flight for a key is a std::shared_future in a map under one mutex: the first caller
// makes the promise, runs the loader and fulfils it; later callers copy the future and get() it.
//
// Why it is correct: finding or inserting the future is one critical section, so only one caller
// per key becomes the loader until the entry is erased. The loader erases the entry before it
// fulfils the promise, and a caller that copied the future before the erase still gets the
// result: a request that arrives after the erase starts a new load, as it must. The promise is
// always fulfilled (a value, or the loader's exception through set_exception), so no waiter is
// left waiting; shared_future::get() blocks on the shared state, with no wakeup to lose.
class RequestCoalescer {
public:
    RequestCoalescer(function<int(int)> loader) : loader_(std::move(loader)) {}

    int get(int key) {
        promise<int> mine;
        shared_future<int> result;
        bool loader = false;  // this call created the entry and must fulfil it
        {
            lock_guard<mutex> lock(mu_);
            auto found = in_flight_.find(key);
            if (found != in_flight_.end()) {
                result = found->second;
            } else {
                result = mine.get_future().share();
                in_flight_.emplace(key, result);
                loader = true;
            }
        }
        if (loader) {
            try {
                int value = loader_(key);
                erase(key);
                mine.set_value(value);
            } catch (...) {
                erase(key);
                mine.set_exception(current_exception());
            }
        }
        return result.get();
    }

private:
    void erase(int key) {
        lock_guard<mutex> lock(mu_);
        in_flight_.erase(key);
    }

    function<int(int)> loader_;               // set once in the constructor
    mutex mu_;                                // guards in_flight_
    map<int, shared_future<int>> in_flight_;  // the load in flight for each key
};
