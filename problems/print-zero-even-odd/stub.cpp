class ZeroEvenOdd {
private:
    int n;

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        
    }

    void even(function<void(int)> printNumber) {
        
    }

    void odd(function<void(int)> printNumber) {
        
    }
};
