// expect: accepted
// primitive: std::mutex + std::condition_variable
//
// Why it is correct: the number of servings, the cook's pending request and `closed` are guarded
// by one mutex, and a savage takes its serving (calls getServingFromPot) inside the critical
// section in which it saw servings > 0, so it never takes from an empty pot. A savage that finds
// the pot empty raises one request (only if none is pending) and waits; the cook waits for a
// request, refills under the mutex (the pot is empty then, and stays so: savages wait while
// servings == 0) and clears it. So there is exactly one refill per emptying that a savage needs.
// Each wait re-checks its predicate under the mutex, and each change is followed by a notify,
// so no wakeup is lost and a spurious one is harmless.
class DiningSavages {
    const int m;
    mutex mu;                     // guards servings, requested and closed
    condition_variable cookCv;    // the cook waits for a request or close()
    condition_variable potFull;   // savages wait for the refill
    int servings = 0;             // guarded by mu
    bool requested = false;       // guarded by mu: a savage found the pot empty
    bool closed = false;          // guarded by mu

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        unique_lock<mutex> lock(mu);
        while (servings == 0) {
            if (!requested) {
                requested = true;
                cookCv.notify_one();
            }
            potFull.wait(lock);
        }
        --servings;
        getServingFromPot();
    }

    void cook(function<void()> putServingsInPot) {
        unique_lock<mutex> lock(mu);
        for (;;) {
            cookCv.wait(lock, [&] { return requested || closed; });
            if (!requested) return;
            putServingsInPot();
            servings = m;
            requested = false;
            potFull.notify_all();
        }
    }

    void close() {
        lock_guard<mutex> lock(mu);
        closed = true;
        cookCv.notify_one();
    }
};
