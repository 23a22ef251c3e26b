// expect: accepted
// primitive: std::async(launch::async) and std::future, work handed out by an atomic index
//
// Why it is correct: `workers` tasks are started with launch::async, so each runs on a thread of
// its own at once (the default policy may defer a task until get(), which would run them one
// after another on the caller). The tasks take indices from one atomic counter: fetch_add hands
// every index in [0, n) to exactly one task, so each element is computed once, and a task that
// the machine runs late simply takes fewer indices (dynamic balancing, no fixed chunks to get
// wrong). Each task writes only out[i] for the indices it took, into a vector sized before the
// tasks start. get() on every future waits for its task and makes its writes visible; the
// futures of std::async also join their threads, so none outlives map.
class ParallelMap {
    int workers;  // fixed at construction, read only

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);      // out[i] written by the one task that took index i
        atomic<size_t> next{0};   // the next index nobody has taken yet
        vector<future<void>> tasks;
        for (int k = 0; k < workers; ++k) {
            tasks.push_back(async(launch::async, [&] {
                for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) out[i] = f(in[i]);
            }));
        }
        for (auto& t : tasks) t.get();
        return out;
    }
};
