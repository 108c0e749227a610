// Catalog::current: the shipped catalog with the user's override file, re-read when it changes.
#include "catalog/catalog.h"

#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace ts {

namespace {

// What tells a rewritten file from the one read last.
struct FileStamp
{
    std::string path;
    bool exists = false;
    std::int64_t modifiedNs = 0;
    std::int64_t size = 0;
    bool operator==(const FileStamp&) const = default;
};

// One stat() call: Catalog::current() runs on every priced request (the gateway's hot path).
FileStamp stampOf(const std::string& path)
{
    FileStamp s{path};
    struct stat st{};
    if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return s;
    s.modifiedNs = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.size = st.st_size;
    s.exists = true;
    return s;
}

std::optional<std::string> readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!(in && text << in.rdbuf()))
        return std::nullopt;
    return text.str();
}

const char* nonEmptyEnv(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

} // namespace

std::shared_ptr<const Catalog> Catalog::current()
{
    static std::mutex mutex;
    static FileStamp last;
    static std::shared_ptr<const Catalog> catalog;
    std::lock_guard lock(mutex);
    const FileStamp stamp = stampOf(overridesPath());
    if (catalog && stamp == last)
        return catalog;
    if (!stamp.exists) {
        catalog = std::make_shared<const Catalog>(builtin());
    } else if (auto text = readFile(stamp.path)) {
        catalog = std::make_shared<const Catalog>(builtin().withOverrides(*text, stamp.path));
    } else {
        Catalog shipped = builtin();
        shipped.issues_.push_back({stamp.path, 0, "cannot read the file; the shipped catalog is in force"});
        catalog = std::make_shared<const Catalog>(std::move(shipped));
    }
    last = stamp;
    return catalog;
}

std::string overridesPath()
{
    if (const char* path = nonEmptyEnv("TOKENSCOPE_CATALOG_OVERRIDES"))
        return path;
    // Plain string joins (as fs::path's operator/ joins them): this runs on every priced request.
    const auto join = [](std::string dir, std::string_view rest) {
        if (dir.back() != '/')
            dir += '/';
        return dir.append(rest);
    };
    constexpr std::string_view name = "tokenscope/catalog-overrides.json";
    if (const char* config = nonEmptyEnv("XDG_CONFIG_HOME"); config && config[0] == '/')
        return join(config, name);
    if (const char* home = nonEmptyEnv("HOME"))
        return join(join(home, ".config"), name);
    return {};
}

} // namespace ts
