// expect: rejected
// The bug: the workers append (index, result) pairs to one shared vector with push_back and no
// lock, and map sorts them by index afterwards. push_back reads the size, writes the element and
// bumps the size in separate steps; two threads can write the same slot (a result is lost) or
// one can reallocate the buffer while another writes into the old one (a crash or garbage). The
// same race shows as a wrong result, a crash or, under ThreadSanitizer, a data race, whichever
// mode sees it first: hence "rejected" rather than one verdict.
class ParallelMap {
    int workers;

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<pair<size_t, long>> done;  // shared by every worker, guarded by nothing
        vector<thread> threads;
        for (int k = 0; k < workers; ++k) {
            threads.emplace_back([&, k] {
                for (size_t i = n * k / workers; i < n * (k + 1) / workers; ++i)
                    done.push_back({i, f(in[i])});
            });
        }
        for (auto& t : threads) t.join();
        sort(done.begin(), done.end());
        vector<long> out(n);
        for (size_t j = 0; j < done.size() && j < n; ++j) out[done[j].first % n] = done[j].second;
        return out;
    }
};
