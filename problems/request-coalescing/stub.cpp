class RequestCoalescer {
public:
    RequestCoalescer(function<int(int)> loader) {

    }

    int get(int key) {

    }
};
