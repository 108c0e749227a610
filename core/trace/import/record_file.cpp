#include "trace/import/record_file.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace ts::import {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

} // namespace

RecordFile::RecordFile(std::string path, FrameSink& sink, ReadLimits limits)
    : path_(std::move(path)), sink_(sink), limits_(limits), framer_(sink, limits.maxRecordBytes)
{
}

std::string RecordFile::open()
{
    struct stat info
    {
    };
    if (::stat(path_.c_str(), &info) != 0)
        return std::strerror(errno);
    if (S_ISDIR(info.st_mode))
        return "is a folder, not a file";
    file_.reset(std::fopen(path_.c_str(), "rb"));
    if (!file_)
        return std::strerror(errno);
    size_ = S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
    block_.resize(std::max<std::size_t>(limits_.blockBytes, 16));
    return {};
}

bool RecordFile::step()
{
    if (finished_ || !file_)
        return false;
    const std::size_t got = std::fread(block_.data(), 1, block_.size(), file_.get());
    std::string_view bytes(block_.data(), got);
    if (done_ == 0 && bytes.substr(0, kBom.size()) == kBom)
        bytes.remove_prefix(kBom.size());
    done_ += got;
    if (!bytes.empty())
        framer_.feed(bytes);
    if (got == block_.size() && !framer_.stopped())
        return true;
    finished_ = true;
    if (framer_.stopped())
        return false;
    if (std::ferror(file_.get()))
        sink_.stopped("read error after " + std::to_string(done_) + " bytes: " + std::strerror(errno));
    else
        framer_.finish();
    return false;
}

} // namespace ts::import
