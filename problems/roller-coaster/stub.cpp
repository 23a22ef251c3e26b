class RollerCoaster {
 public:
  RollerCoaster(int capacity, int rides) {}

  void car(function<void()> load, function<void()> run, function<void()> unload) {
    // For every ride: load() opens the car for boarding, run() is the ride, unload() opens
    // the doors. Call them in this order, once per ride.
    load();
    run();
    unload();
  }

  void passenger(function<void()> board, function<void()> unboard) {
    // board() takes a seat, unboard() gets off. Call each exactly once.
    board();
    unboard();
  }
};
