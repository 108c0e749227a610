// Test helper: writes traces to a workspace until killed (or until LIMIT), flushing every N and
// printing the number of committed traces after each flush.
// Usage: store_writer_child WORKSPACE N [LIMIT]
#include "trace/store.h"
#include "trace_fixtures.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: store_writer_child WORKSPACE N [LIMIT]\n");
        return 2;
    }
    const long long every = std::max(1LL, std::atoll(argv[2]));
    const long long limit = argc > 3 ? std::atoll(argv[3]) : 0;
    try {
        auto store = ts::TraceStore::open(argv[1], ts::TraceStore::OpenMode::CreateIfMissing);
        for (long long written = 1; limit == 0 || written <= limit; ++written) {
            store->write(ts::test::richTrace());
            if (written % every != 0)
                continue;
            if (!store->flush()) {
                std::fprintf(stderr, "%s\n", store->lastError().c_str());
                return 1;
            }
            std::printf("%lld\n", written);
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
