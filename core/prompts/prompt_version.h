#pragma once
#include "model/message.h"
#include "model/request.h"
#include "model/time.h"
#include "prompts/prompt_template.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts::prompts {

// The request settings a version keeps beside its text.
struct PromptParams
{
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<std::int64_t> seed;
    ResponseFormat responseFormat;
    std::vector<ToolDefinition> tools;

    bool operator==(const PromptParams&) const = default;
};

// What one send of a prompt is made of. Two sends with equal content are one version.
struct PromptContent
{
    std::string system;
    std::string templateText; // the user message, with {{variables}}
    std::string provider;
    std::string model;
    PromptParams params;

    bool operator==(const PromptContent&) const = default;
};

// What the playground hands over when it sends (or saves) a named prompt.
struct PromptVersionDraft
{
    std::string name;
    PromptContent content;
    VariableValues variables; // the values used: kept with the version, but not what makes a new one
    std::string note;
};

struct PromptVersion
{
    std::int64_t promptId = 0;
    std::string promptName;
    int number = 0; // 1, 2, 3... per prompt
    Nanos created = 0;
    PromptContent content;
    VariableValues variables; // the last values sent with this version
    std::string traceId;      // the send that made it; empty for "Save as" without a send
    std::string note;
    bool pinned = false;
};

// One line of the library's list.
struct PromptSummary
{
    std::int64_t id = 0;
    std::string name;
    int versionCount = 0;
    int latestVersion = 0;
    int pinnedVersion = 0; // 0: none
    Nanos created = 0;
    Nanos updated = 0;

    bool operator==(const PromptSummary&) const = default;
};

} // namespace ts::prompts
