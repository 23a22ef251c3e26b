// expect: wrong_answer
// bug: the monitor of monitor_cv.cpp with Santa's two checks the other way round: when he wakes
// he looks for a group of three elves first, and prepares the sleigh only when there is none.
// Everything else is right, so it is caught only when all nine reindeer and three elves wait at
// the same moment Santa looks. Real threads almost never line up like that (Santa wakes as soon
// as the first of the two causes is there), so stress accepts the file; explore holds Santa back
// until all twelve wait and sees him help the elves first.
class SantaClaus {
    const int christmases, elvesToHelp;
    mutex m;                      // guards everything below
    condition_variable changed;   // any count below changed
    int reindeerBack = 0;         // back for the sleigh numbered `sleigh`
    int sleigh = 0;               // the sleigh the reindeer now coming back will pull
    int prepared = 0;             // sleighs prepared so far
    int seated = 0;               // elves of the current group (at most three)
    int group = 0;                // number of the current group
    int helped = 0;               // groups Santa has helped
    int gotHelp = 0;              // elves of the current group who called getHelp()

public:
    SantaClaus(int christmases, int elves) : christmases(christmases), elvesToHelp(elves) {}

    void santa(function<void()> prepareSleigh, function<void()> helpElves) {
        unique_lock<mutex> lock(m);
        while (prepared < christmases || helped * 3 < elvesToHelp) {
            changed.wait(lock, [&] {
                return reindeerBack == 9 || (seated == 3 && helped == group);
            });
            if (seated == 3 && helped == group) {  // BUG: the elves first
                helpElves();
                ++helped;
            } else {
                reindeerBack = 0;
                prepareSleigh();
                ++prepared;
                ++sleigh;
            }
            changed.notify_all();
        }
    }

    void reindeer(function<void()> getHitched) {
        unique_lock<mutex> lock(m);
        const int mySleigh = sleigh;
        if (++reindeerBack == 9) changed.notify_all();
        changed.wait(lock, [&] { return prepared > mySleigh; });
        getHitched();
    }

    void elf(function<void()> getHelp) {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [&] { return seated < 3; });
        const int myGroup = group;
        if (++seated == 3) changed.notify_all();
        changed.wait(lock, [&] { return helped > myGroup; });
        getHelp();
        if (++gotHelp == 3) {
            gotHelp = 0;
            seated = 0;
            ++group;
            changed.notify_all();
        }
    }
};
