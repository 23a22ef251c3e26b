// expect: accepted
// primitive: std::mutex + std::condition_variable (cars of the green road cross together)
//
// Why it is correct: `greenRoad` and `crossing` are only read or written under `m`. A car may
// enter when its road is green, or when the intersection is empty (then it turns its road green
// first, under `m`); either way, once it counts itself in `crossing`, the light cannot change
// until `crossing` is back to zero. So cars of different roads are never inside together, the
// light changes only on a red road and never under a crossing car. The last car out brings
// `crossing` to zero under `m` and then notifies; a waiter either saw the zero before sleeping or
// is asleep on `cv` and gets woken, and re-checks its condition in a loop: no wakeup is lost. No
// deadlock: the cars inside finish without waiting for anyone, and when the intersection empties
// every waiter can enter.
class TrafficLight {
    mutex m;                 // guards greenRoad and crossing
    condition_variable cv;   // signalled when the intersection empties
    int greenRoad = 1;       // the road whose light is green; road A (1) starts green
    int crossing = 0;        // cars inside the intersection, all on greenRoad

public:
    TrafficLight() {}

    void carArrived(
        int carId,                   // ID of the car
        int roadId,                  // ID of the road the car travels on. Can be 1 (road A) or 2 (road B)
        int direction,               // Direction of the car
        function<void()> turnGreen,  // Use turnGreen() to turn light to green on current road
        function<void()> crossCar    // Use crossCar() to make car cross the intersection
    ) {
        {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [&] { return greenRoad == roadId || crossing == 0; });
            if (greenRoad != roadId) {
                turnGreen();
                greenRoad = roadId;
            }
            ++crossing;
        }
        crossCar();
        bool empty;
        {
            lock_guard<mutex> lock(m);
            empty = --crossing == 0;
        }
        if (empty) cv.notify_all();
    }
};
