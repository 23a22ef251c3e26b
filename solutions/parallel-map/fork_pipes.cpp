// expect: accepted
// primitive: fork(), one pipe per child, waitpid
//
// Why it is correct: each of `workers` children gets a contiguous chunk, with ends from one
// formula (begin(k) = n * k / workers) so that the chunks cover [0, n) exactly once. fork() copies
// the parent's memory, so the child can read `in` and call `f` as they were at the fork; it
// computes its chunk and writes the results, as raw longs, into its own pipe, then leaves with
// _exit (exit() would run the parent's atexit handlers and flush its stdio buffers a second
// time). The parent closes every write end it does not need (otherwise a reader never sees end
// of file) and reads each pipe until it has the chunk's results; a child blocks while its pipe
// is full, which only delays it until the parent reaches its pipe, since the parent reads them
// all. Then the parent waitpid()s every child, so none is left running or as a zombie when map
// returns. Processes share no memory after fork: the results travel through the pipes, which is
// the price of the isolation (a crash in f would kill one child, not the caller).
#include <sys/wait.h>
#include <unistd.h>

class ParallelMap {
    int workers;  // fixed at construction, read only

    // Writes or reads exactly `bytes` bytes, retrying short transfers and EINTR.
    static bool write_all(int fd, const char* p, size_t bytes) {
        while (bytes > 0) {
            ssize_t w = ::write(fd, p, bytes);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return false;
            p += w;
            bytes -= static_cast<size_t>(w);
        }
        return true;
    }
    static bool read_all(int fd, char* p, size_t bytes) {
        while (bytes > 0) {
            ssize_t r = ::read(fd, p, bytes);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) return false;
            p += r;
            bytes -= static_cast<size_t>(r);
        }
        return true;
    }

public:
    ParallelMap(int workers) : workers(workers) {}

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);
        auto begin = [&](size_t k) { return n * k / workers; };
        vector<pid_t> children;
        vector<int> readers;
        for (int k = 0; k < workers; ++k) {
            int fds[2];
            if (pipe(fds) != 0) throw runtime_error("pipe failed");
            pid_t pid = fork();
            if (pid < 0) throw runtime_error("fork failed");
            if (pid == 0) {  // the child: compute chunk k, send it, leave
                close(fds[0]);
                for (int r : readers) close(r);  // the earlier children's pipes
                vector<long> part;
                for (size_t i = begin(k); i < begin(k + 1); ++i) part.push_back(f(in[i]));
                bool ok = write_all(fds[1], reinterpret_cast<const char*>(part.data()),
                                    part.size() * sizeof(long));
                _exit(ok ? 0 : 1);
            }
            close(fds[1]);
            children.push_back(pid);
            readers.push_back(fds[0]);
        }
        bool ok = true;
        for (int k = 0; k < workers; ++k) {
            ok &= read_all(readers[k], reinterpret_cast<char*>(out.data() + begin(k)),
                           (begin(k + 1) - begin(k)) * sizeof(long));
            close(readers[k]);
        }
        for (pid_t pid : children) {
            int status = 0;
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            ok &= WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        if (!ok) throw runtime_error("a child process failed");
        return out;
    }
};
