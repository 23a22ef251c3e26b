class BarberShop {
public:
    BarberShop(int chairs) {

    }

    // The barber's thread. cutHair(id) cuts customer id's hair.
    void barber(function<void(int)> cutHair) {

    }

    // A customer's thread: true once its hair is cut, false if every chair was taken.
    bool customer(int id) {

        return false;
    }

    // No more customers will come; barber() returns once nobody is left.
    void close() {

    }
};
