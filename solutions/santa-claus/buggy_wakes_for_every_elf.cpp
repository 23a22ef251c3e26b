// expect: wrong_answer
// bug: every elf wakes Santa, and he helps whoever is waiting: a lone elf gets Santa's help,
// where he should sleep until three elves have asked.
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
                const int waiting = elvesAsking;
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
            santaSem.release();  // the bug: wakes Santa for one elf
        }
        elfHelp.acquire();
        getHelp();
    }
};
