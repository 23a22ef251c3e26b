// expect: deadlock
// judge-mode: explore
// bug: the fix of buggy_reindeer_back_too_soon by sleeping. A hitched reindeer pauses 20 ms (its
// vacation) before it returns, hoping every slower reindeer of this christmas takes its permit
// meanwhile. On an idle machine they do within microseconds, so stress accepts the file; explore
// runs sleeps on virtual time, lets the vacation end before a slow reindeer is scheduled, and the
// returning reindeer takes that one's permit: the slow one waits for a sleigh that never comes.
// Measured here (2 cores, load 20-30, default budget): stress accepted it in 5 of 5 runs (49 to 59
// trials each); explore found the deadlock in 5 of 5 runs, after 4 or 5 schedules.
#include <semaphore>

class SantaClaus {
    const int christmases, elvesToHelp;
    mutex m;                               // guards the three counts
    int reindeerBack = 0;                  // back and not yet taken for a sleigh
    int elvesAsking = 0;                   // elves of the group being formed or helped
    counting_semaphore<> santaSem{0};      // one permit per herd of nine or group of three
    counting_semaphore<> reindeerSem{0};   // Santa lets the nine get hitched
    counting_semaphore<> elfHelp{0};       // Santa lets the group's three get help
    binary_semaphore elfTex{1};            // one group at a time

public:
    SantaClaus(int christmases, int elves) : christmases(christmases), elvesToHelp(elves) {}

    void santa(function<void()> prepareSleigh, function<void()> helpElves) {
        int sleighs = 0, groups = 0;
        while (sleighs < christmases || groups * 3 < elvesToHelp) {
            santaSem.acquire();
            unique_lock<mutex> lock(m);
            if (reindeerBack >= 9) {
                reindeerBack -= 9;
                lock.unlock();
                prepareSleigh();
                reindeerSem.release(9);
                ++sleighs;
            } else {
                lock.unlock();
                helpElves();
                elfHelp.release(3);
                ++groups;
            }
        }
    }

    void reindeer(function<void()> getHitched) {
        {
            lock_guard<mutex> lock(m);
            if (++reindeerBack == 9) santaSem.release();
        }
        reindeerSem.acquire();
        getHitched();
        // The bug: a "vacation" instead of waiting for the other eight, long enough (one hopes)
        // for every slow reindeer of this christmas to take its permit first.
        this_thread::sleep_for(chrono::milliseconds(20));
    }

    void elf(function<void()> getHelp) {
        elfTex.acquire();
        {
            lock_guard<mutex> lock(m);
            if (++elvesAsking == 3)
                santaSem.release();
            else
                elfTex.release();
        }
        elfHelp.acquire();
        getHelp();
        lock_guard<mutex> lock(m);
        if (--elvesAsking == 0) elfTex.release();
    }
};
