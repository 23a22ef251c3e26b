// expect: accepted
// primitive: std::mutex + std::condition_variable (a monitor with numbered sleighs and groups)
//
// Why it is correct: all state is guarded by `m`. Santa waits until nine reindeer are back or a
// group of three elves is seated and not yet helped, and checks the reindeer first. A reindeer
// remembers the number of the sleigh it came back for and gets hitched once that sleigh is
// prepared; one that comes straight back for the next christmas waits for the next number, so
// it cannot take a slow reindeer's place. Elves take one of three seats; a fourth waits until the
// group is done. The seated three get help after Santa's helpElves() for their group number, and
// the last of them frees the seats. No lost wakeup: every change is made under `m` and followed
// by notify_all, and every wait re-checks its condition. No deadlock: nine reindeer and every
// full group are served, and Santa stops after the last christmas and the last elf.
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
            if (reindeerBack == 9) {
                reindeerBack = 0;
                prepareSleigh();
                ++prepared;
                ++sleigh;
            } else {
                helpElves();
                ++helped;
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
