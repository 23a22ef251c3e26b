class FanOut {
public:
    // At most k requests may be in flight at once.
    FanOut(int k) {

    }

    // Fetches the sales of every shop ("region/name") from the service, with up to k requests
    // in flight at once, and returns the total sales of each region.
    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {

    }
};
