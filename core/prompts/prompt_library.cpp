#include "prompts/prompt_library.h"

#include "prompts/prompt_rows.h"
#include "trace/sqlite_transaction.h"
#include "trace/workspace_open.h"

#include <stdexcept>

namespace ts::prompts {

namespace {

constexpr std::size_t kMaxNameBytes = 200;

// Bad input: its message is shown as it is.
class Refusal : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

std::string quotedName(const std::string& name)
{
    return "\u201C" + name + "\u201D";
}

std::string trimmed(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

PromptSummary existing(sql::Connection& db, std::int64_t promptId)
{
    if (auto s = rows::summary(db, promptId))
        return *s;
    throw Refusal("This prompt is no longer in the workspace; it may have been deleted in another window.");
}

std::string nameOrRefusal(const std::string& name)
{
    Result<std::string> checked = checkedName(name);
    if (!checked.ok())
        throw Refusal(checked.error);
    return checked.value;
}

void refuseTaken(sql::Connection& db, const std::string& name, std::int64_t except)
{
    if (auto other = rows::summaryByName(db, name); other && other->id != except)
        throw Refusal("A prompt named " + quotedName(other->name) + " already exists; pick another name.");
}

PromptVersion versionOf(const PromptVersionDraft& draft, const PromptSummary& prompt, int number,
                        const std::string& traceId, Nanos now)
{
    PromptVersion v;
    v.promptId = prompt.id;
    v.promptName = prompt.name;
    v.number = number;
    v.created = now;
    v.content = draft.content;
    v.variables = draft.variables;
    v.traceId = traceId;
    v.note = draft.note;
    return v;
}

} // namespace

Result<std::string> checkedName(const std::string& name)
{
    Result<std::string> out;
    out.value = trimmed(name);
    if (out.value.empty())
        out.error = "A prompt needs a name.";
    else if (out.value.find_first_of("\r\n") != std::string::npos)
        out.error = "A prompt name is one line.";
    else if (out.value.size() > kMaxNameBytes)
        out.error = "A prompt name has at most " + std::to_string(kMaxNameBytes) + " characters.";
    return out;
}

std::unique_ptr<PromptLibrary> PromptLibrary::open(const std::string& path, TraceStore::OpenMode mode,
                                                   int busyTimeoutMs)
{
    sql::Connection db = workspace::openWorkspace(path, mode, busyTimeoutMs);
    return std::unique_ptr<PromptLibrary>(new PromptLibrary(path, std::move(db), busyTimeoutMs));
}

PromptLibrary::PromptLibrary(std::string path, sql::Connection db, int busyTimeoutMs)
    : path_(std::move(path)), db_(std::move(db)), busyTimeoutMs_(busyTimeoutMs)
{
}

template <class T, class Body>
Result<T> PromptLibrary::guarded(Body&& body)
{
    Result<T> out;
    try {
        out.value = body();
    } catch (const Refusal& refusal) {
        out.error = refusal.what();
    } catch (const sql::Error& error) {
        out.error = workspace::workspaceError(path_, error, busyTimeoutMs_).what();
    }
    return out;
}

Result<std::vector<PromptSummary>> PromptLibrary::list()
{
    return guarded<std::vector<PromptSummary>>([&] { return rows::summaries(db_); });
}

Result<PromptSummary> PromptLibrary::find(const std::string& name)
{
    return guarded<PromptSummary>([&] {
        if (auto s = rows::summaryByName(db_, trimmed(name)))
            return *s;
        throw Refusal("No saved prompt is named " + quotedName(trimmed(name)) + ".");
    });
}

Result<std::vector<PromptVersion>> PromptLibrary::versions(std::int64_t promptId)
{
    return guarded<std::vector<PromptVersion>>([&] {
        sql::ReadTransaction snapshot(db_);
        existing(db_, promptId);
        return rows::versions(db_, promptId);
    });
}

Result<PromptVersion> PromptLibrary::version(std::int64_t promptId, int number)
{
    return guarded<PromptVersion>([&] {
        sql::ReadTransaction snapshot(db_);
        const PromptSummary prompt = existing(db_, promptId);
        if (auto v = rows::version(db_, promptId, number); v && number > 0)
            return *v;
        throw Refusal(quotedName(prompt.name) + " has no version " + std::to_string(number) + ".");
    });
}

Result<PromptVersion> PromptLibrary::current(std::int64_t promptId)
{
    return guarded<PromptVersion>([&] {
        sql::ReadTransaction snapshot(db_);
        const PromptSummary prompt = existing(db_, promptId);
        if (auto v = rows::version(db_, promptId, prompt.pinnedVersion))
            return *v;
        throw Refusal(quotedName(prompt.name) + " has no versions.");
    });
}

Result<PromptVersion> PromptLibrary::create(const PromptVersionDraft& draft, const std::string& traceId, Nanos now)
{
    return guarded<PromptVersion>([&] {
        const std::string name = nameOrRefusal(draft.name);
        sql::Transaction transaction(db_);
        refuseTaken(db_, name, 0);
        PromptSummary prompt;
        prompt.id = rows::insertPrompt(db_, name, now);
        prompt.name = name;
        const PromptVersion v = versionOf(draft, prompt, 1, traceId, now);
        rows::insertVersion(db_, v);
        transaction.commit();
        return v;
    });
}

Result<Recorded> PromptLibrary::record(const PromptVersionDraft& draft, const std::string& traceId, Nanos now)
{
    return guarded<Recorded>([&] {
        sql::Transaction transaction(db_);
        const auto prompt = rows::summaryByName(db_, trimmed(draft.name));
        if (!prompt)
            throw Refusal("No saved prompt is named " + quotedName(trimmed(draft.name)) +
                          "; save the draft under a name first.");
        Recorded out;
        auto latest = rows::version(db_, prompt->id, 0);
        if (latest && latest->content == draft.content) {
            latest->variables = draft.variables;
            rows::setVariables(db_, prompt->id, latest->number, draft.variables);
            out.version = *latest;
        } else {
            out.version = versionOf(draft, *prompt, prompt->latestVersion + 1, traceId, now);
            rows::insertVersion(db_, out.version);
            rows::touch(db_, prompt->id, now);
            out.added = true;
        }
        transaction.commit();
        return out;
    });
}

Status PromptLibrary::rename(std::int64_t promptId, const std::string& newName, Nanos now)
{
    return guarded<bool>([&] {
        const std::string name = nameOrRefusal(newName);
        sql::Transaction transaction(db_);
        existing(db_, promptId);
        refuseTaken(db_, name, promptId);
        rows::setName(db_, promptId, name, now);
        transaction.commit();
        return true;
    });
}

Status PromptLibrary::remove(std::int64_t promptId)
{
    return guarded<bool>([&] {
        sql::Transaction transaction(db_);
        existing(db_, promptId);
        rows::deletePrompt(db_, promptId);
        transaction.commit();
        return true;
    });
}

Status PromptLibrary::pin(std::int64_t promptId, int number, Nanos now)
{
    return guarded<bool>([&] {
        sql::Transaction transaction(db_);
        const PromptSummary prompt = existing(db_, promptId);
        if (number <= 0 || !rows::version(db_, promptId, number))
            throw Refusal(quotedName(prompt.name) + " has no version " + std::to_string(number) + " to pin.");
        rows::setPinned(db_, promptId, number, now);
        transaction.commit();
        return true;
    });
}

Status PromptLibrary::unpin(std::int64_t promptId, Nanos now)
{
    return guarded<bool>([&] {
        sql::Transaction transaction(db_);
        existing(db_, promptId);
        rows::setPinned(db_, promptId, 0, now);
        transaction.commit();
        return true;
    });
}

} // namespace ts::prompts
