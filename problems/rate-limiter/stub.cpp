class RateLimiter {
 public:
  RateLimiter(int rate, int burst) {}

  void acquire() {}

  bool tryAcquire() {}
};
