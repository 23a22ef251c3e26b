// expect: leaked_thread
// The bug: the children are forked and their results read from the pipes, but nobody calls
// waitpid. Reading a pipe to its end only says the child closed it; the child may still be
// running, and once it exits it stays in the process table as a zombie until its parent waits
// for it. Every map leaves `workers` of them behind (a server doing this runs out of processes).
#include <sys/wait.h>
#include <unistd.h>

class ParallelMap {
    int workers;

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);
        auto begin = [&](size_t k) { return n * k / workers; };
        vector<int> readers;
        for (int k = 0; k < workers; ++k) {
            int fds[2];
            if (pipe(fds) != 0) throw runtime_error("pipe failed");
            pid_t pid = fork();
            if (pid == 0) {
                close(fds[0]);
                for (int r : readers) close(r);
                for (size_t i = begin(k); i < begin(k + 1); ++i) {
                    long v = f(in[i]);
                    if (write(fds[1], &v, sizeof v) != sizeof v) _exit(1);
                }
                _exit(0);
            }
            close(fds[1]);
            readers.push_back(fds[0]);
        }
        for (int k = 0; k < workers; ++k) {
            char* p = reinterpret_cast<char*>(out.data() + begin(k));
            size_t left = (begin(k + 1) - begin(k)) * sizeof(long);
            while (left > 0) {
                ssize_t r = read(readers[k], p, left);
                if (r <= 0) break;
                p += r;
                left -= static_cast<size_t>(r);
            }
            close(readers[k]);
        }
        return out;  // no waitpid: the children are left behind
    }
};
