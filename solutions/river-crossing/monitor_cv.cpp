// expect: accepted
// primitive: std::mutex + std::condition_variable (a monitor)
//
// Why it is correct: all state is guarded by `m`. When no boat is loading, an arrival checks
// whether the waiting people make a safe boat and, if so, hands out seats: four of one kind, or
// two and two. A waiting person takes a seat of its kind, boards outside the lock, and counts
// itself aboard; the fourth to count itself has seen all four board, rows, and only then clears
// `loading` and lets the next boat form. So every boat is safe, is rowed once by one of its four
// after all boarded, and the next four board after it was rowed. No lost wakeup: every change
// that can let someone on is followed by notify_all, and every wait re-checks its condition under
// `m`. No deadlock: a boat forms whenever one is possible and no boat is loading, and a loading
// boat always fills, because seats are handed out only to people already waiting.
class RiverCrossing {
    mutex m;                      // guards everything below
    condition_variable changed;   // seats handed out, or a boat rowed
    int waitingHackers = 0;       // arrived, no seat yet assigned to them
    int waitingSerfs = 0;
    int hackerSeats = 0;          // seats of the loading boat not yet taken
    int serfSeats = 0;
    int boarded = 0;              // people of the loading boat who have called board()
    bool loading = false;         // a boat has its four and is not rowed yet

    void formBoatLocked() {
        if (loading) return;
        if (waitingHackers >= 4) {
            hackerSeats = 4;
        } else if (waitingSerfs >= 4) {
            serfSeats = 4;
        } else if (waitingHackers >= 2 && waitingSerfs >= 2) {
            hackerSeats = serfSeats = 2;
        } else {
            return;
        }
        waitingHackers -= hackerSeats;
        waitingSerfs -= serfSeats;
        loading = true;
        changed.notify_all();
    }

    void cross(int& waiting, int& seats, function<void()>& board, function<void()>& rowBoat) {
        unique_lock<mutex> lock(m);
        ++waiting;
        formBoatLocked();
        changed.wait(lock, [&] { return seats > 0; });
        --seats;
        lock.unlock();
        board();
        lock.lock();
        if (++boarded == 4) {
            rowBoat();
            boarded = 0;
            loading = false;
            formBoatLocked();
        }
    }

public:
    RiverCrossing() {}

    void hacker(function<void()> board, function<void()> rowBoat) {
        cross(waitingHackers, hackerSeats, board, rowBoat);
    }

    void serf(function<void()> board, function<void()> rowBoat) {
        cross(waitingSerfs, serfSeats, board, rowBoat);
    }
};
