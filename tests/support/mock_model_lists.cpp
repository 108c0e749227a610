#include "mock_model_lists.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace ts::test::listing_mock {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kJson = "application/json";

struct AnthropicModel
{
    const char* id;
    const char* name;
    const char* created;
};

// Newest first, as Anthropic lists them.
const std::vector<AnthropicModel> kAnthropic{
    {"claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-15T00:00:00Z"},
    {"claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29T00:00:00Z"},
    {"claude-opus-4-1-20250805", "Claude Opus 4.1", "2025-08-05T00:00:00Z"},
    {"claude-sonnet-4-20250514", "Claude Sonnet 4", "2025-05-22T00:00:00Z"},
    {"claude-3-5-haiku-20241022", "Claude Haiku 3.5", "2024-10-22T00:00:00Z"},
};

Json geminiModel(const char* id, const char* name, std::vector<std::string> methods, int in, int out)
{
    return {{"name", std::string("models/") + id},
            {"version", "001"},
            {"displayName", name},
            {"description", std::string("Mock of ") + name},
            {"inputTokenLimit", in},
            {"outputTokenLimit", out},
            {"supportedGenerationMethods", std::move(methods)}};
}

const std::vector<Json>& geminiModels()
{
    static const std::vector<Json> models{
        geminiModel("gemini-2.5-flash", "Gemini 2.5 Flash",
                    {"generateContent", "countTokens", "createCachedContent", "batchGenerateContent"}, 1048576, 65536),
        geminiModel("aqa", "Model that performs Attributed Question Answering.", {"generateAnswer"}, 7168, 1024),
        geminiModel("gemini-2.5-pro", "Gemini 2.5 Pro", {"generateContent", "countTokens"}, 1048576, 65536),
        geminiModel("text-embedding-004", "Text Embedding 004", {"embedContent"}, 2048, 1),
    };
    return models;
}

// Gemini's page tokens are opaque base64; this one needs percent-encoding in a query, as real ones do.
std::string tokenFor(std::size_t offset) { return "Cg" + std::to_string(offset) + "+/=="; }

std::size_t offsetOf(std::string_view token)
{
    for (std::size_t i = 0; i <= geminiModels().size(); ++i)
        if (tokenFor(i) == token)
            return i;
    return geminiModels().size() + 1;
}

Json ollamaModel(const char* name, const char* family, const char* size, const char* quant, std::int64_t bytes)
{
    return {{"name", name},
            {"model", name},
            {"modified_at", "2025-05-10T08:06:48.639712648-07:00"},
            {"size", bytes},
            {"digest", "0a8c266910232fd3291e71e5ba1e058cc5af9d411192cf88b6d30e92b6e73163"},
            {"details",
             {{"parent_model", ""},
              {"format", "gguf"},
              {"family", family},
              {"families", {family}},
              {"parameter_size", size},
              {"quantization_level", quant}}}};
}

Reply json(const Json& body, int status = 200)
{
    return {.status = status, .contentType = std::string(kJson), .body = body.dump()};
}

} // namespace

Reply slow()
{
    return {.contentType = std::string(kJson), .pieces = {{"{\"object\":\"list\",", {}}}, .end = Reply::End::Stall};
}

Reply garbled()
{
    return {.contentType = std::string(kJson), .body = R"({"object":"list","data":[{"id":"gpt-4o","obj)"};
}

Reply inMode(Mode mode, Reply normal)
{
    if (mode == Mode::Slow)
        return slow();
    return mode == Mode::Garbled ? garbled() : normal;
}

Reply openaiList()
{
    Json data = Json::array();
    for (const char* id : {"gpt-4o-mini", "gpt-4o", "o4-mini", "text-embedding-3-small"})
        data.push_back({{"id", id}, {"object", "model"}, {"created", 1715367049}, {"owned_by", "system"}});
    return json({{"object", "list"}, {"data", data}});
}

Reply openaiUnauthorized(std::string_view presentedKey)
{
    return json({{"error",
                  {{"message", "Incorrect API key provided: " + std::string(presentedKey) +
                                   ". You can find your API key at https://platform.openai.com/account/api-keys."},
                   {"type", "invalid_request_error"},
                   {"param", nullptr},
                   {"code", "invalid_api_key"}}}},
                401);
}

Reply anthropicList(int limit, std::string_view afterId)
{
    auto first = kAnthropic.begin();
    if (!afterId.empty())
        first = std::find_if(kAnthropic.begin(), kAnthropic.end(), [&](const auto& m) { return m.id == afterId; }) + 1;
    const auto size = std::clamp(limit, 1, kPageSize);
    const auto last = kAnthropic.end() - first <= size ? kAnthropic.end() : first + size;
    Json data = Json::array();
    for (auto it = first; it < last; ++it)
        data.push_back({{"type", "model"}, {"id", it->id}, {"display_name", it->name}, {"created_at", it->created}});
    return json({{"data", data},
                 {"has_more", last != kAnthropic.end()},
                 {"first_id", data.empty() ? Json() : data.front()["id"]},
                 {"last_id", data.empty() ? Json() : data.back()["id"]}});
}

Reply geminiList(int pageSize, std::string_view pageToken)
{
    const std::size_t offset = pageToken.empty() ? 0 : offsetOf(pageToken);
    if (offset > geminiModels().size())
        return json({{"error", {{"code", 400}, {"message", "Invalid page token."}, {"status", "INVALID_ARGUMENT"}}}},
                    400);
    const std::size_t end = std::min(geminiModels().size(), offset + std::clamp<std::size_t>(pageSize, 1, kPageSize));
    Json page = Json::array();
    for (std::size_t i = offset; i < end; ++i)
        page.push_back(geminiModels()[i]);
    Json body{{"models", page}};
    if (end < geminiModels().size())
        body["nextPageToken"] = tokenFor(end);
    return json(body);
}

Reply ollamaList()
{
    return json({{"models",
                  {ollamaModel("deepseek-r1:latest", "qwen2", "7.6B", "Q4_K_M", 4683075271),
                   ollamaModel("llama3.2:latest", "llama", "3.2B", "Q4_K_M", 2019393189)}}});
}

Reply ollamaUnauthorized()
{
    return json({{"error", "unauthorized"}}, 401);
}

} // namespace ts::test::listing_mock
