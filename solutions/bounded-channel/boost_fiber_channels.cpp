// expect: accepted
// primitive: Boost.Fiber's channels (boost::fibers::unbuffered_channel, buffered_channel), used
// from plain threads
//
// Why it is correct: the library does the blocking. capacity 0 maps to unbuffered_channel, whose
// push returns success only after a pop has taken the value: a rendezvous. A buffered_channel of
// capacity N holds N-1 values and N must be a power of two, so for capacity c the values travel
// in a buffered_channel big enough for c, and the exact bound comes from a second channel that
// starts with c tokens: a sender takes a token before pushing and a receiver returns one after
// popping, so at most c values are ever in the buffer (back-pressure at exactly c). Both channels
// pop what they hold before reporting closed, so values buffered at close() are still received,
// and close() wakes every waiting fiber or thread. Each plain thread gets its own fiber scheduler
// the first time it blocks; the channels' internal spinlocks guard their state.
#include <boost/fiber/all.hpp>

class Channel {
    using status = boost::fibers::channel_op_status;
    static size_t power_of_two_above(size_t n) {
        size_t p = 2;
        while (p <= n) p *= 2;
        return p;
    }

    const bool rendezvous;
    boost::fibers::unbuffered_channel<int> handoff;           // capacity 0
    boost::fibers::buffered_channel<int> values;              // capacity > 0: the buffer
    boost::fibers::buffered_channel<char> tokens;             // capacity > 0: free places

public:
    Channel(int capacity)
        : rendezvous(capacity == 0),
          values(power_of_two_above(capacity)),
          tokens(power_of_two_above(capacity)) {
        for (int i = 0; i < capacity; ++i) tokens.push('t');
    }

    bool send(int value) {
        if (rendezvous) return handoff.push(value) == status::success;
        char token;
        if (tokens.pop(token) != status::success) return false;
        return values.push(value) == status::success;
    }

    optional<int> receive() {
        int value;
        if ((rendezvous ? handoff.pop(value) : values.pop(value)) != status::success)
            return nullopt;
        if (!rendezvous) tokens.push('t');  // fails harmlessly once closed
        return value;
    }

    void close() {
        handoff.close();
        values.close();
        tokens.close();
    }
};
