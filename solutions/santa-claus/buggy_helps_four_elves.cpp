// expect: wrong_answer
// bug: no turnstile for the elves (Downey's elfTex). Every elf counts itself and waits; the third
// wakes Santa, but by the time he looks, a fourth (or fifth) elf may have counted itself too,
// and Santa helps everyone waiting: four elves get help at once. He stops when every elf got
// help, so the file always finishes.
#include <semaphore>

class SantaClaus {
    const int christmases, elvesToHelp;
    mutex m;                               // guards the three counts
    int reindeerBack = 0;                  // back and not yet taken for a sleigh
    int elvesAsking = 0;                   // elves of the group being formed or helped
    int hitched = 0;                       // reindeer hitched to the current sleigh
    int asked = 0;                         // elves who asked so far
    counting_semaphore<> santaSem{0};      // one permit per herd of nine or group of three
    counting_semaphore<> reindeerSem{0};   // Santa lets the nine get hitched
    counting_semaphore<> offTheyGo{0};     // the ninth hitched lets the others return
    counting_semaphore<> elfHelp{0};       // Santa lets the group's three get help

public:
    SantaClaus(int christmases, int elves) : christmases(christmases), elvesToHelp(elves) {}

    void santa(function<void()> prepareSleigh, function<void()> helpElves) {
        int sleighs = 0, elvesHelped = 0;
        while (sleighs < christmases || elvesHelped < elvesToHelp) {
            santaSem.acquire();
            unique_lock<mutex> lock(m);
            if (reindeerBack >= 9) {
                reindeerBack -= 9;
                lock.unlock();
                prepareSleigh();
                reindeerSem.release(9);
                ++sleighs;
            } else if (elvesAsking > 0) {
                const int waiting = elvesAsking;  // the bug: everyone who is waiting
                elvesAsking = 0;
                lock.unlock();
                helpElves();
                elfHelp.release(waiting);
                elvesHelped += waiting;
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
        {
            lock_guard<mutex> lock(m);
            ++elvesAsking;
            if (++asked % 3 == 0) santaSem.release();
        }
        elfHelp.acquire();
        getHelp();
    }
};
