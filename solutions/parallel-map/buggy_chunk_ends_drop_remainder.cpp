// expect: wrong_answer
// The bug: every worker gets chunk = n / workers elements, starting at k * chunk. When n is not
// a multiple of workers, the last n % workers elements belong to nobody and keep the 0 the
// vector was created with (with workers = 3 and n = 20001 it happens to divide; n = 10007 on two
// workers and n = 5 on four do not). The last chunk must end at n, not at workers * chunk.
class ParallelMap {
    int workers;

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);
        const size_t chunk = n / workers;
        vector<thread> threads;
        for (int k = 0; k < workers; ++k) {
            threads.emplace_back([&, k] {
                for (size_t i = k * chunk; i < (k + 1) * chunk; ++i) out[i] = f(in[i]);
            });
        }
        for (auto& t : threads) t.join();
        return out;
    }
};
