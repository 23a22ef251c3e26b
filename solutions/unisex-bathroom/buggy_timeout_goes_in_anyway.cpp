// expect: wrong_answer
// judge-mode: explore
// bug: starvation "fixed" with a timeout. A person who finds the other sex inside waits at most
// 50 ms for the room, then goes in anyway, so that nobody waits forever. People stay inside for
// microseconds, so on a real machine the wait never times out and stress accepts the file;
// explore runs timed waits on virtual time, lets the timeout fire while the other sex is still
// inside, and sees a woman and a man inside together.
// Measured here (2 cores, load 20-30, default budget): stress accepted it in 5 of 5 runs (3,092 to
// 13,248 trials each); explore rejected it in 5 of 5 runs, after 7 to 13 schedules.
class UnisexBathroom {
    enum Sex { Woman, Man };
    const int capacity;
    mutex m;                     // guards everything below
    condition_variable changed;  // someone came out
    int inside = 0;
    Sex insideSex = Woman;       // meaningful while inside > 0

    void use(Sex sex, function<void()>& useBathroom) {
        unique_lock<mutex> lock(m);
        changed.wait_for(lock, chrono::milliseconds(50), [&] {
            return (inside == 0 || insideSex == sex) && inside < capacity;
        });  // the bug: goes in whether the wait succeeded or timed out
        ++inside;
        insideSex = sex;
        lock.unlock();
        useBathroom();
        lock.lock();
        --inside;
        changed.notify_all();
    }

public:
    UnisexBathroom(int capacity) : capacity(capacity) {}
    void woman(function<void()> useBathroom) { use(Woman, useBathroom); }
    void man(function<void()> useBathroom) { use(Man, useBathroom); }
};
