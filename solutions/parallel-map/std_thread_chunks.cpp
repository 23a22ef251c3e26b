// expect: accepted
// primitive: std::thread, one contiguous chunk per worker, join
//
// Why it is correct: the input is cut into `workers` contiguous chunks whose ends come from one
// formula, begin(k) = n * k / workers, so chunk k ends exactly where chunk k + 1 begins and the
// last one ends at n: every index belongs to exactly one chunk, whatever n % workers is. Each
// thread writes only out[i] for the i of its own chunk, into a vector sized before any thread
// starts, so no two threads touch the same element and the vector itself is never resized: no
// lock is needed. join() on every thread, before map returns, is both the wait for the results
// (join makes a thread's writes visible to the joiner) and the guarantee that no thread outlives
// the call.
class ParallelMap {
    int workers;  // fixed at construction, read only

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);  // each element written by the one thread whose chunk holds it
        auto begin = [&](size_t k) { return n * k / workers; };
        vector<thread> threads;
        for (int k = 0; k < workers; ++k) {
            threads.emplace_back([&, k] {
                for (size_t i = begin(k); i < begin(k + 1); ++i) out[i] = f(in[i]);
            });
        }
        for (auto& t : threads) t.join();
        return out;
    }
};
