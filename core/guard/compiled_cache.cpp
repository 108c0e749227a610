#include "guard/compiled_cache.h"

#include "tokens/sha256.h"

#include <hs/hs.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace ts::guard {

namespace {

namespace fs = std::filesystem;

std::string cacheFolder()
{
    if (const char* dir = std::getenv("TOKENSCOPE_CACHE_DIR"); dir && *dir)
        return std::string(dir) + "/hyperscan";
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/tokenscope/hyperscan";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/tokenscope/hyperscan";
    return {};
}

// The library's version and what this machine's CPU offers shape the compiled code too.
std::string platformShape()
{
    hs_platform_info_t platform{};
    hs_populate_platform(&platform);
    return std::string(hs_version()) + "|" + std::to_string(platform.tune) + "|" +
           std::to_string(platform.cpu_features);
}

} // namespace

CompiledCache::CompiledCache(std::string_view shape)
{
    const std::string folder = cacheFolder();
    if (!folder.empty())
        path_ = folder + "/" + sha256Hex(std::string(shape) + "\n" + platformShape()) + ".hsdb";
}

hs_database* CompiledCache::load() const
{
    if (path_.empty())
        return nullptr;
    std::ifstream in(path_, std::ios::binary);
    if (!in)
        return nullptr;
    const std::string file((std::istreambuf_iterator<char>(in)), {});
    // The file starts with the SHA-256 of what follows: a torn or edited file is a miss.
    constexpr std::size_t kSum = 64;
    if (file.size() <= kSum || sha256Hex(std::string_view(file).substr(kSum)) != file.substr(0, kSum))
        return nullptr;
    hs_database_t* db = nullptr;
    if (hs_deserialize_database(file.data() + kSum, file.size() - kSum, &db) != HS_SUCCESS)
        return nullptr;
    return db;
}

void CompiledCache::store(const hs_database* db) const
{
    if (path_.empty())
        return;
    char* bytes = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS)
        return;
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
    // Unique per process and thread: two policies with the same word list may compile at once.
    const std::string temp = path_ + ".tmp" + std::to_string(::getpid()) + "-" +
                             std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << sha256Hex(std::string_view(bytes, length));
        out.write(bytes, static_cast<std::streamsize>(length));
        out.close(); // a failed flush shows here, not before
        if (!out)
            ec = std::make_error_code(std::errc::io_error);
    }
    std::free(bytes);
    if (!ec)
        fs::rename(temp, path_, ec); // atomic: a reader sees the old file or the whole new one
    if (ec)
        fs::remove(temp, ec);
}

} // namespace ts::guard
