// expect: wrong_answer
// The cook waits for "pot empty and someone hungry" with `if` instead of `while`: a spurious
// wakeup, which the standard allows, sends it to refill a pot that still holds servings. Linux
// condition variables rarely wake spuriously, so plain stress passes it; the explore mode
// injects spurious wakeups and catches it.
class DiningSavages {
    const int m;
    mutex mu;
    condition_variable cookCv, potFull;
    int servings = 0;
    int hungry = 0;
    bool closed = false;

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        unique_lock<mutex> lock(mu);
        if (servings == 0) {
            ++hungry;
            cookCv.notify_one();
            while (servings == 0) potFull.wait(lock);
            --hungry;
        }
        --servings;
        getServingFromPot();
        if (servings == 0 && hungry > 0) cookCv.notify_all();
    }

    void cook(function<void()> putServingsInPot) {
        unique_lock<mutex> lock(mu);
        for (;;) {
            if (!closed && !(servings == 0 && hungry > 0)) cookCv.wait(lock);
            if (closed && !(servings == 0 && hungry > 0)) return;
            putServingsInPot();
            servings = m;
            potFull.notify_all();
        }
    }

    void close() {
        lock_guard<mutex> lock(mu);
        closed = true;
        cookCv.notify_one();
    }
};
