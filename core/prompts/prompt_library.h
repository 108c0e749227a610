#pragma once
#include "model/time.h"
#include "prompts/prompt_version.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"

#include <memory>
#include <string>
#include <vector>

namespace ts::prompts {

// Bad input and storage failures come back as a sentence for the user, never as an exception.
struct Status
{
    std::string error; // empty on success
    bool ok() const { return error.empty(); }
};

template <class T>
struct Result : Status
{
    T value{};
};

struct Recorded
{
    PromptVersion version;
    bool added = false; // false: equal to the latest version, whose variable values were updated
};

// The saved prompts of one workspace (tables prompts and prompt_versions, schema 2). It has its own
// connection: open one per thread, beside any TraceStore on the same file. Writes are a few rows in
// one short transaction each, so several windows and processes can share the library.
class PromptLibrary
{
  public:
    // Throws WorkspaceError as TraceStore::open does; upgrades an older workspace in place.
    static std::unique_ptr<PromptLibrary> open(const std::string& path,
                                               TraceStore::OpenMode mode = TraceStore::OpenMode::ExistingOnly,
                                               int busyTimeoutMs = 5000);

    const std::string& path() const { return path_; }

    // Most recently changed first.
    Result<std::vector<PromptSummary>> list();
    Result<PromptSummary> find(const std::string& name); // any case
    // Newest first.
    Result<std::vector<PromptVersion>> versions(std::int64_t promptId);
    Result<PromptVersion> version(std::int64_t promptId, int number);
    // The pinned version, else the latest.
    Result<PromptVersion> current(std::int64_t promptId);

    // A new prompt named draft.name with draft as version 1; refuses a name already taken.
    Result<PromptVersion> create(const PromptVersionDraft& draft, const std::string& traceId = {},
                                 Nanos now = wallNowNs());
    // A send of the prompt named draft.name: a new version when the content differs from the
    // latest one, else the latest version keeps the new variable values.
    Result<Recorded> record(const PromptVersionDraft& draft, const std::string& traceId,
                            Nanos now = wallNowNs());

    Status rename(std::int64_t promptId, const std::string& newName, Nanos now = wallNowNs());
    Status remove(std::int64_t promptId);
    Status pin(std::int64_t promptId, int number, Nanos now = wallNowNs());
    Status unpin(std::int64_t promptId, Nanos now = wallNowNs());

  private:
    PromptLibrary(std::string path, sql::Connection db, int busyTimeoutMs);

    // Runs body, turning refusals and SQLite failures into words.
    template <class T, class Body>
    Result<T> guarded(Body&& body);

    std::string path_;
    sql::Connection db_;
    int busyTimeoutMs_;
};

// The name as it is stored (trimmed), or why it cannot be one.
Result<std::string> checkedName(const std::string& name);

} // namespace ts::prompts
