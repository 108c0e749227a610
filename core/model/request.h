#pragma once
#include "model/message.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// Who and what a request is for; becomes trace attributes that filters use.
struct RequestMeta
{
    std::string user;
    std::string session;
    std::vector<std::string> tags;
    std::string source = "api"; // playground, cli, demo, gateway, replay
    std::string feature;        // product feature that sent it (demo scenario, app feature)

    bool operator==(const RequestMeta&) const = default;
};

struct ChatRequest
{
    std::string provider; // provider id in the registry, e.g. "simulated", "openai"
    std::string model;
    std::vector<Message> messages;
    std::vector<ToolDefinition> tools;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<std::int64_t> seed;
    bool stream = true;
    RequestMeta meta;

    bool operator==(const ChatRequest&) const = default;
};

} // namespace ts
