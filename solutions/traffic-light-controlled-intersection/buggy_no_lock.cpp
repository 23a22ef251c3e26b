// expect: wrong_answer
// bug: nothing keeps the other road out while a car crosses: a car of road B can turn the light
// and drive in while a car of road A is still in the intersection. (The light is an atomic, so
// there is no data race to report: the bug is in the logic.)
class TrafficLight {
    atomic<int> greenRoad{1};

public:
    TrafficLight() {}

    void carArrived(int carId, int roadId, int direction, function<void()> turnGreen,
                    function<void()> crossCar) {
        if (greenRoad != roadId) {
            greenRoad = roadId;
            turnGreen();
        }
        crossCar();
    }
};
