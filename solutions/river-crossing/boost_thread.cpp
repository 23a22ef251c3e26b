// expect: accepted
// primitive: boost::mutex + boost::condition_variable + boost::barrier
//
// Why it is correct: arrivals wait under `m`. When no boat is loading, the waiting people are
// checked for a safe boat (four of a kind, or two and two); if there is one, that many passes of
// each kind are handed out and `loading` is set. Passes are anonymous: any waiting person of the
// kind may take one, and the counts stay right. The four who took passes board and meet at a
// barrier of four; boost::barrier::wait() returns true for exactly one of them, after all four
// arrived, and that one rows. Only after rowing does it clear `loading` and form the next boat,
// so the next four board after the row. No lost wakeup: passes are handed out under `m` followed
// by notify_all, and waits re-check under `m`. No deadlock: with an even number of each kind, four
// waiting people always make a safe boat, and one is formed whenever possible and none is loading.
#include <boost/thread.hpp>

class RiverCrossing {
    boost::mutex m;                         // guards the counts and the flag below
    boost::condition_variable passHandedOut;  // a boat was formed
    int hackers = 0, serfs = 0;             // waiting, not yet picked
    int hackerPasses = 0, serfPasses = 0;   // picked, not yet gone to board
    bool loading = false;                   // a boat is picked and not rowed yet
    boost::barrier boat{4};                 // the four of a boat meet here after boarding

    // With m held: picks a boat if one is possible and none is loading.
    void formBoatLocked() {
        if (loading) return;
        int h = 0, s = 0;
        if (hackers >= 4) h = 4;
        else if (serfs >= 4) s = 4;
        else if (hackers >= 2 && serfs >= 2) h = s = 2;
        else return;
        hackers -= h;
        serfs -= s;
        hackerPasses += h;
        serfPasses += s;
        loading = true;
        passHandedOut.notify_all();
    }

    void cross(int& waiting, int& passes, function<void()>& board, function<void()>& rowBoat) {
        {
            boost::unique_lock<boost::mutex> lock(m);
            ++waiting;
            formBoatLocked();
            while (passes == 0) passHandedOut.wait(lock);
            --passes;
        }
        board();
        if (boat.wait()) {  // true for exactly one of the four
            rowBoat();
            boost::lock_guard<boost::mutex> lock(m);
            loading = false;
            formBoatLocked();
        }
    }

public:
    RiverCrossing() {}

    void hacker(function<void()> board, function<void()> rowBoat) {
        cross(hackers, hackerPasses, board, rowBoat);
    }

    void serf(function<void()> board, function<void()> rowBoat) {
        cross(serfs, serfPasses, board, rowBoat);
    }
};
