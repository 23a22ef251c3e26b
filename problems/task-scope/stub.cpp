class TaskScope {
public:
    TaskScope() {

    }

    // Starts task(token) running concurrently with the caller and the other tasks of the scope.
    void spawn(function<void(stop_token)> task) {

    }

    // Waits until every task has finished; rethrows the first exception a task threw.
    void join() {

    }

    // Like join(), but if the tasks are not all done after `timeout`, requests stop on every
    // task still running, waits for them to finish, and returns false. Returns true otherwise.
    bool join_for(chrono::milliseconds timeout) {

    }
};
