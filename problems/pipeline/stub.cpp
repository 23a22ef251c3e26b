class Pipeline {
 public:
  Pipeline(int workers, int capacity) {}

  void run(function<optional<int>()> next, function<int(int)> work, function<void(int)> emit) {}
};
