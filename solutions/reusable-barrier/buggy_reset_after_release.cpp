// expect: deadlock
// A sense-reversing barrier whose last arrival resets the count *after* it has released the
// others. A released thread that comes straight back takes its ticket for the next round on the
// old count, and the late reset then wipes that arrival out: the next round waits forever for a
// thread that already arrived. The window is a few instructions wide; plain stress almost never
// hits it, the explore mode does.
class ReusableBarrier {
    const int n;
    atomic<int> count{0};
    atomic<unsigned> round{0};

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        const unsigned mine = round.load();
        if (count.fetch_add(1) == n - 1) {
            round.fetch_add(1);
            round.notify_all();
            count.store(0);
            return;
        }
        while (round.load() == mine) round.wait(mine);
    }
};
