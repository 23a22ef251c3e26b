// expect: accepted
// primitive: std::counting_semaphore + std::binary_semaphore + std::mutex (after Downey 5.5)
//
// Why it is correct: the ninth reindeer and the third elf of a group each release `santaSem`
// once, so every wake-up of Santa has a cause, and a cause is never lost (a semaphore remembers).
// Santa looks at the counts under `m`, reindeer first; if they are not all back, the cause was a
// full group of elves. Elves pass the `elfTex` turnstile one at a time; the third keeps it closed,
// so a fourth elf waits there until the last of the group got help and reopens it. Santa releases
// a group's three elves (or the nine reindeer) only after helpElves() (prepareSleigh()), so they
// come after it. A reindeer returns only after all nine got hitched (the ninth releases the
// other eight), so none can come back for the next christmas and take a permit meant for this
// one. No deadlock: each group and each herd of nine produces exactly one wake-up that Santa
// serves, and Santa stops after the last.
#include <semaphore>

class SantaClaus {
    const int christmases, elvesToHelp;
    mutex m;                               // guards the three counts
    int reindeerBack = 0;                  // back and not yet taken for a sleigh
    int elvesAsking = 0;                   // elves of the group being formed or helped
    int hitched = 0;                       // reindeer hitched to the current sleigh
    counting_semaphore<> santaSem{0};      // one permit per herd of nine or group of three
    counting_semaphore<> reindeerSem{0};   // Santa lets the nine get hitched
    counting_semaphore<> offTheyGo{0};     // the ninth hitched lets the others return
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
        {
            lock_guard<mutex> lock(m);
            if (++hitched == 9) {
                hitched = 0;
                offTheyGo.release(9);
            }
        }
        offTheyGo.acquire();
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
