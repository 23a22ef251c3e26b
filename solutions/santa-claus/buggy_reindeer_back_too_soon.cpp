// expect: deadlock
// bug: Downey's reindeer code, run by reindeer that come straight back
// for the next christmas. A reindeer returns as soon as it got hitched; if it comes back and
// reaches reindeerSem before a slower reindeer of this christmas took its permit, it takes that
// permit, and the slow one waits for a sleigh that never comes (only eight can come back for the
// next christmas). Santa, the slow reindeer and the eight wait forever. Nine threads released at
// once give the fast one its chance often, so stress finds it too.
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
        getHitched();  // the bug: returns at once, without waiting for the other eight
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
