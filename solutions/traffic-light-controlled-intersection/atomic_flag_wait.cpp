// expect: accepted
// primitive: C++20 std::atomic_flag test_and_set + wait / notify_one, used as a lock
//
// Why it is correct: a car owns the intersection from the test_and_set that finds `busy` clear
// until it clears it, and test_and_set is atomic, so one car at a time reads and turns the light
// and crosses: cars of different roads never cross together, the light turns only when it is red
// for the car's road, and it never changes under a crossing car. `greenRoad` is only touched by
// the owner; clear (release) happens-before the next successful test_and_set (acquire), so the
// next owner sees the last write. No lost wakeup: a car sleeps only in wait(true), which blocks
// only while the flag is still set, and the owner clears it before notify_one; a woken car that
// loses the race to a newcomer tries again. No deadlock: the owner clears the flag after a
// bounded amount of work. (std::binary_semaphore would read better, but libstdc++ 12 can lose
// its wakeups: GCC bug 104928.)
class TrafficLight {
    atomic_flag busy;   // set while a car owns the intersection; guards greenRoad
    int greenRoad = 1;  // the road whose light is green; road A (1) starts green

public:
    TrafficLight() {}

    void carArrived(
        int carId,                   // ID of the car
        int roadId,                  // ID of the road the car travels on. Can be 1 (road A) or 2 (road B)
        int direction,               // Direction of the car
        function<void()> turnGreen,  // Use turnGreen() to turn light to green on current road
        function<void()> crossCar    // Use crossCar() to make car cross the intersection
    ) {
        while (busy.test_and_set(memory_order_acquire)) busy.wait(true, memory_order_relaxed);
        if (greenRoad != roadId) {
            turnGreen();
            greenRoad = roadId;
        }
        crossCar();
        busy.clear(memory_order_release);
        busy.notify_one();
    }
};
