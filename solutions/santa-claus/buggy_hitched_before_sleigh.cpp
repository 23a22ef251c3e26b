// expect: wrong_answer
// bug: Santa lets the reindeer go before he prepares the sleigh. Releasing a semaphore before
// doing what it announces: a released reindeer calls getHitched() to a sleigh that is not
// prepared yet.
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
                reindeerSem.release(9);  // the bug: before prepareSleigh()
                prepareSleigh();
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
