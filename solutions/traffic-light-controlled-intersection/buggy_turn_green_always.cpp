// expect: wrong_answer
// bug: every car turns its light green before crossing, even when it is green already; LeetCode
// counts turnGreen() on a green road as a wrong answer.
class TrafficLight {
    mutex m;

public:
    TrafficLight() {}

    void carArrived(int carId, int roadId, int direction, function<void()> turnGreen,
                    function<void()> crossCar) {
        lock_guard<mutex> lock(m);
        turnGreen();
        crossCar();
    }
};
