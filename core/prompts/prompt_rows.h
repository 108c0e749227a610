#pragma once
#include "prompts/prompt_version.h"

#include <optional>
#include <string>
#include <vector>

namespace ts::sql {
class Connection;
}

// The SQL behind PromptLibrary: plain reads and writes, no rules.
namespace ts::prompts::rows {

std::vector<PromptSummary> summaries(sql::Connection& db);
std::optional<PromptSummary> summary(sql::Connection& db, std::int64_t promptId);
std::optional<PromptSummary> summaryByName(sql::Connection& db, const std::string& name);
// number 0: the latest.
std::optional<PromptVersion> version(sql::Connection& db, std::int64_t promptId, int number);
std::vector<PromptVersion> versions(sql::Connection& db, std::int64_t promptId);

std::int64_t insertPrompt(sql::Connection& db, const std::string& name, Nanos now);
void insertVersion(sql::Connection& db, const PromptVersion& version);
void setVariables(sql::Connection& db, std::int64_t promptId, int number, const VariableValues& values);
void setName(sql::Connection& db, std::int64_t promptId, const std::string& name, Nanos now);
void setPinned(sql::Connection& db, std::int64_t promptId, int number, Nanos now); // 0: none
void touch(sql::Connection& db, std::int64_t promptId, Nanos now);
void deletePrompt(sql::Connection& db, std::int64_t promptId);

} // namespace ts::prompts::rows
