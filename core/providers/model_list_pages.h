#pragma once
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// One page of each API's model list in core's ModelListing; none when the body is not that API's
// list (a proxy's page, a truncated reply).
namespace ts::listing {

struct Page
{
    std::vector<ModelListing> models;
    std::string next; // the cursor for the next page; empty: the last page
};

// OpenAI and compatible servers: {"object":"list","data":[{"id","object":"model","created","owned_by"}]}.
std::optional<Page> openaiPage(const nlohmann::json& body);
// Anthropic: {"data":[{"type":"model","id","display_name","created_at"}],"has_more","first_id","last_id"};
// next is last_id while has_more.
std::optional<Page> anthropicPage(const nlohmann::json& body);
// Gemini: {"models":[{"name":"models/ID","displayName","supportedGenerationMethods",...}],"nextPageToken"};
// only models that generate or embed content, ids without "models/".
std::optional<Page> geminiPage(const nlohmann::json& body);
// Ollama's /api/tags: {"models":[{"name","model","details":{"parameter_size","quantization_level"}}]}.
std::optional<Page> ollamaPage(const nlohmann::json& body);

} // namespace ts::listing
