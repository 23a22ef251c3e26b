// expect: accepted
// primitive: boost::mutex + boost::condition_variable, one condition per role
//
// Why it is correct: all state is guarded by `m`, and each role sleeps on its own condition:
// Santa on `santaWakes`, reindeer on `sleighReady`, elves on `elfTurn`. The ninth reindeer and
// the third elf of a group wake Santa; he checks the reindeer first. Santa hands out exactly three
// help passes after helpElves(), and an elf gets help only with a pass; Santa then waits until
// the group is done, so that it is not helped twice. A reindeer that got hitched goes back on
// vacation and may return before slower ones got hitched, so sleighs are numbered: a reindeer
// remembers the sleigh it came back for and is hitched once that one is prepared. A fourth elf
// waits until the group's last elf is done and frees the three seats. No lost wakeup: every
// change is made under `m` and followed by a notify of the condition its waiters check, and
// every wait re-checks in a loop. No deadlock: every herd of nine and every full group wakes
// Santa and is served; Santa stops after the last christmas and the last elf.
#include <boost/thread.hpp>

class SantaClaus {
    const int christmases, elvesToHelp;
    boost::mutex m;                        // guards everything below
    boost::condition_variable santaWakes;  // nine reindeer back, or three elves seated
    boost::condition_variable sleighReady; // a sleigh was prepared
    boost::condition_variable elfTurn;     // help was given, or seats were freed
    int back = 0;                          // reindeer back for the sleigh being filled
    int filling = 0;                       // number of the sleigh being filled
    int prepared = 0;                      // sleighs prepared
    int seated = 0;                        // elves of the current group
    int helpPasses = 0;                    // help passes not yet taken
    int doneInGroup = 0;                   // elves of the current group who got help
    int groupsHelped = 0;
    int groupsDone = 0;                    // groups whose three elves all got help

public:
    SantaClaus(int christmases, int elves) : christmases(christmases), elvesToHelp(elves) {}

    void santa(function<void()> prepareSleigh, function<void()> helpElves) {
        boost::unique_lock<boost::mutex> lock(m);
        while (prepared < christmases || groupsHelped * 3 < elvesToHelp) {
            while (back < 9 && !(seated == 3 && helpPasses == 0 && doneInGroup == 0))
                santaWakes.wait(lock);
            if (back == 9) {
                back = 0;
                ++filling;
                prepareSleigh();
                ++prepared;
                sleighReady.notify_all();
            } else {
                helpElves();
                helpPasses = 3;
                ++groupsHelped;
                elfTurn.notify_all();
                // Wait until the group is done, so that it is not helped twice.
                while (groupsDone < groupsHelped) santaWakes.wait(lock);
            }
        }
    }

    void reindeer(function<void()> getHitched) {
        boost::unique_lock<boost::mutex> lock(m);
        const int mySleigh = filling;
        if (++back == 9) santaWakes.notify_one();
        while (prepared <= mySleigh) sleighReady.wait(lock);
        getHitched();
    }

    void elf(function<void()> getHelp) {
        boost::unique_lock<boost::mutex> lock(m);
        while (seated == 3) elfTurn.wait(lock);
        if (++seated == 3) santaWakes.notify_one();
        while (helpPasses == 0) elfTurn.wait(lock);
        --helpPasses;
        getHelp();
        if (++doneInGroup == 3) {
            doneInGroup = 0;
            seated = 0;
            ++groupsDone;
            elfTurn.notify_all();
            santaWakes.notify_one();
        }
    }
};
