#include "prompts/prompt_rows.h"

#include "prompts/prompt_json.h"
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"

namespace ts::prompts::rows {

namespace {

constexpr const char* kSummaryColumns = R"sql(
SELECT p.id, p.name, p.created_ns, p.updated_ns, coalesce(p.pinned_version, 0),
       (SELECT count(*) FROM prompt_versions v WHERE v.prompt_id = p.id),
       (SELECT coalesce(max(number), 0) FROM prompt_versions v WHERE v.prompt_id = p.id)
FROM prompts p )sql";

constexpr const char* kVersionColumns = R"sql(
SELECT p.id, p.name, v.number, v.created_ns, v.system, v.template, v.variables_json, v.provider,
       v.model, v.params_json, v.trace_id, v.note, coalesce(p.pinned_version, 0) = v.number
FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id )sql";

PromptSummary summaryAt(const sql::Statement& row)
{
    PromptSummary s;
    s.id = row.columnInt(0);
    s.name = row.columnText(1);
    s.created = row.columnInt(2);
    s.updated = row.columnInt(3);
    s.pinnedVersion = static_cast<int>(row.columnInt(4));
    s.versionCount = static_cast<int>(row.columnInt(5));
    s.latestVersion = static_cast<int>(row.columnInt(6));
    return s;
}

PromptVersion versionAt(const sql::Statement& row)
{
    PromptVersion v;
    v.promptId = row.columnInt(0);
    v.promptName = row.columnText(1);
    v.number = static_cast<int>(row.columnInt(2));
    v.created = row.columnInt(3);
    v.content.system = row.columnText(4);
    v.content.templateText = row.columnText(5);
    v.variables = json::variablesFromJson(row.columnText(6));
    v.content.provider = row.columnText(7);
    v.content.model = row.columnText(8);
    v.content.params = json::paramsFromJson(row.columnText(9));
    v.traceId = row.columnText(10);
    v.note = row.columnText(11);
    v.pinned = row.columnInt(12) != 0;
    return v;
}

std::optional<PromptSummary> oneSummary(sql::Statement& statement)
{
    if (!statement.step())
        return std::nullopt;
    return summaryAt(statement);
}

} // namespace

std::vector<PromptSummary> summaries(sql::Connection& db)
{
    sql::Statement statement(db, std::string(kSummaryColumns) + "ORDER BY p.updated_ns DESC, p.id DESC");
    std::vector<PromptSummary> out;
    while (statement.step())
        out.push_back(summaryAt(statement));
    return out;
}

std::optional<PromptSummary> summary(sql::Connection& db, std::int64_t promptId)
{
    sql::Statement statement(db, std::string(kSummaryColumns) + "WHERE p.id = ?");
    statement.bindInt(1, promptId);
    return oneSummary(statement);
}

std::optional<PromptSummary> summaryByName(sql::Connection& db, const std::string& name)
{
    sql::Statement statement(db, std::string(kSummaryColumns) + "WHERE p.name = ?");
    statement.bindText(1, name);
    return oneSummary(statement);
}

std::optional<PromptVersion> version(sql::Connection& db, std::int64_t promptId, int number)
{
    sql::Statement statement(db, std::string(kVersionColumns) +
                                     (number > 0 ? "WHERE v.prompt_id = ? AND v.number = ?"
                                                 : "WHERE v.prompt_id = ? ORDER BY v.number DESC LIMIT 1"));
    statement.bindInt(1, promptId);
    if (number > 0)
        statement.bindInt(2, number);
    if (!statement.step())
        return std::nullopt;
    return versionAt(statement);
}

std::vector<PromptVersion> versions(sql::Connection& db, std::int64_t promptId)
{
    sql::Statement statement(db, std::string(kVersionColumns) + "WHERE v.prompt_id = ? ORDER BY v.number DESC");
    statement.bindInt(1, promptId);
    std::vector<PromptVersion> out;
    while (statement.step())
        out.push_back(versionAt(statement));
    return out;
}

std::int64_t insertPrompt(sql::Connection& db, const std::string& name, Nanos now)
{
    sql::Statement statement(db, "INSERT INTO prompts (name, created_ns, updated_ns) VALUES (?, ?, ?)");
    statement.bindText(1, name).bindInt(2, now).bindInt(3, now).run();
    return db.lastInsertRowId();
}

void insertVersion(sql::Connection& db, const PromptVersion& v)
{
    sql::Statement statement(db, R"sql(
INSERT INTO prompt_versions (prompt_id, number, created_ns, system, template, variables_json, provider,
                             model, params_json, trace_id, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    statement.bindInt(1, v.promptId).bindInt(2, v.number).bindInt(3, v.created);
    statement.bindText(4, v.content.system).bindText(5, v.content.templateText);
    statement.bindText(6, json::variablesToJson(v.variables));
    statement.bindText(7, v.content.provider).bindText(8, v.content.model);
    statement.bindText(9, json::paramsToJson(v.content.params));
    statement.bindText(10, v.traceId).bindText(11, v.note).run();
}

void setVariables(sql::Connection& db, std::int64_t promptId, int number, const VariableValues& values)
{
    sql::Statement statement(db, "UPDATE prompt_versions SET variables_json = ? WHERE prompt_id = ? AND number = ?");
    statement.bindText(1, json::variablesToJson(values)).bindInt(2, promptId).bindInt(3, number).run();
}

void setName(sql::Connection& db, std::int64_t promptId, const std::string& name, Nanos now)
{
    sql::Statement statement(db, "UPDATE prompts SET name = ?, updated_ns = ? WHERE id = ?");
    statement.bindText(1, name).bindInt(2, now).bindInt(3, promptId).run();
}

void setPinned(sql::Connection& db, std::int64_t promptId, int number, Nanos now)
{
    sql::Statement statement(db, "UPDATE prompts SET pinned_version = ?, updated_ns = ? WHERE id = ?");
    if (number > 0)
        statement.bindInt(1, number);
    else
        statement.bindNull(1);
    statement.bindInt(2, now).bindInt(3, promptId).run();
}

void touch(sql::Connection& db, std::int64_t promptId, Nanos now)
{
    sql::Statement statement(db, "UPDATE prompts SET updated_ns = ? WHERE id = ?");
    statement.bindInt(1, now).bindInt(2, promptId).run();
}

void deletePrompt(sql::Connection& db, std::int64_t promptId)
{
    sql::Statement versions(db, "DELETE FROM prompt_versions WHERE prompt_id = ?");
    versions.bindInt(1, promptId).run();
    sql::Statement prompt(db, "DELETE FROM prompts WHERE id = ?");
    prompt.bindInt(1, promptId).run();
}

} // namespace ts::prompts::rows
