// Catalog::current: the shipped catalog with the user's override file, re-read when it changes.
#include "catalog/catalog.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace ts {

namespace {

namespace fs = std::filesystem;

// What tells a rewritten file from the one read last.
struct FileStamp
{
    std::string path;
    bool exists = false;
    fs::file_time_type modified{};
    std::uintmax_t size = 0;
    bool operator==(const FileStamp&) const = default;
};

FileStamp stampOf(const std::string& path)
{
    FileStamp s{path};
    std::error_code error;
    if (path.empty() || !fs::is_regular_file(path, error))
        return s;
    s.modified = fs::last_write_time(path, error);
    s.size = fs::file_size(path, error);
    s.exists = !error;
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
    const fs::path name = fs::path("tokenscope") / "catalog-overrides.json";
    if (const char* config = nonEmptyEnv("XDG_CONFIG_HOME"); config && fs::path(config).is_absolute())
        return (fs::path(config) / name).string();
    if (const char* home = nonEmptyEnv("HOME"))
        return (fs::path(home) / ".config" / name).string();
    return {};
}

} // namespace ts
