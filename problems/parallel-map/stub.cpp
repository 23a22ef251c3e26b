class ParallelMap {
public:
    ParallelMap(int workers) {

    }

    // Returns out with out[i] == f(in[i]) for every i, computing with up to `workers` threads
    // or processes side by side. Calls f exactly once per element.
    vector<long> map(const vector<int>& in, function<long(int)> f) {

    }
};
