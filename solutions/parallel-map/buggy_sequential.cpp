// expect: not_concurrent
// The bug: the map runs on the caller's thread, one element after another. The results are
// right, but a CPU-bound map over a large input uses one core out of the machine's several: the
// judge sees that no two calls of f ever ran at the same time.
class ParallelMap {
public:
    ParallelMap(int) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        vector<long> out;
        out.reserve(in.size());
        for (int x : in) out.push_back(f(x));
        return out;
    }
};
