#include "mock_openai_embeddings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace ts::test::embeddings_mock {

using nlohmann::json;

namespace {

Reply errorReply(int status, std::string_view message, std::string_view type, json code, json param = nullptr,
                 std::vector<Header> headers = {})
{
    headers.emplace_back("x-request-id", "req_mockembeddings");
    const json error{{"message", message}, {"type", type}, {"param", std::move(param)}, {"code", std::move(code)}};
    return {.status = status, .headers = std::move(headers), .body = json{{"error", error}}.dump()};
}

Reply invalidInput()
{
    return errorReply(400, "'$.input' is invalid. Please check the API reference: "
                           "https://platform.openai.com/docs/api-reference.",
                      "invalid_request_error", nullptr);
}

// Dimensions by model; 0: no such model.
int dimensionsOf(const std::string& model, const json& request)
{
    int native = 0;
    if (model == "text-embedding-3-small" || model == "text-embedding-ada-002")
        native = 1536;
    else if (model == "text-embedding-3-large")
        native = 3072;
    else if (model == "mock-embed-reversed" || model == "mock-embed-short")
        native = kReversedDimensions;
    else if (model.starts_with("mock-embed-"))
        native = std::max(1, std::atoi(model.c_str() + std::string_view("mock-embed-").size()));
    const bool shortens = native > 0 && model != "text-embedding-ada-002";
    const json asked = request.value("dimensions", json());
    return shortens && asked.is_number_integer() ? std::clamp(asked.get<int>(), 1, native) : native;
}

std::optional<std::vector<std::string>> textsOf(const json& input)
{
    std::vector<std::string> texts;
    if (input.is_string())
        texts.push_back(input.get<std::string>());
    else if (input.is_array() && std::all_of(input.begin(), input.end(), [](const json& v) { return v.is_string(); }))
        texts = input.get<std::vector<std::string>>();
    if (texts.empty() || std::any_of(texts.begin(), texts.end(), [](const std::string& t) { return t.empty(); }))
        return std::nullopt;
    return texts;
}

} // namespace

std::vector<float> vectorFor(std::string_view text, int dimensions)
{
    std::uint64_t state = 1469598103934665603ull; // FNV-1a of the text seeds a linear congruential walk
    for (const unsigned char c : text)
        state = (state ^ c) * 1099511628211ull;
    std::vector<float> out(static_cast<std::size_t>(dimensions));
    double norm = 0;
    for (float& v : out) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        v = static_cast<float>(static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5);
        norm += static_cast<double>(v) * v;
    }
    for (float& v : out)
        v = static_cast<float>(v / std::sqrt(norm));
    return out;
}

std::int64_t tokensFor(const std::vector<std::string>& texts)
{
    std::int64_t n = 0;
    for (const std::string& text : texts)
        n += static_cast<std::int64_t>((text.size() + 3) / 4);
    return n;
}

Reply replyFor(const json& request)
{
    if (!request.is_object())
        return errorReply(400, "We could not parse the JSON body of your request.", "invalid_request_error", nullptr);
    const std::string model = request.value("model", "");
    if (model == "mock-embed-429")
        return errorReply(429, "Rate limit reached for text-embedding-3-small in organization org-mock on requests "
                               "per min (RPM): Limit 3000, Used 3000, Requested 1. Please try again in 20ms.",
                          "requests", "rate_limit_exceeded", nullptr, {{"retry-after", "2"}});
    if (model == "mock-embed-500")
        return errorReply(500, "The server had an error while processing your request. Sorry about that!",
                          "server_error", nullptr);
    const int dimensions = dimensionsOf(model, request);
    if (dimensions == 0)
        return errorReply(404, "The model `" + model + "` does not exist or you do not have access to it.",
                          "invalid_request_error", "model_not_found");
    const auto texts = textsOf(request.value("input", json()));
    if (!texts)
        return invalidInput();
    json data = json::array();
    for (std::size_t i = 0; i < texts->size(); ++i)
        data.push_back({{"object", "embedding"}, {"index", i}, {"embedding", vectorFor((*texts)[i], dimensions)}});
    if (model == "mock-embed-reversed")
        std::reverse(data.begin(), data.end());
    if (model == "mock-embed-short")
        data.erase(data.end() - 1);
    const std::int64_t tokens = tokensFor(*texts);
    const json body{{"object", "list"}, {"data", std::move(data)}, {"model", model},
                    {"usage", {{"prompt_tokens", tokens}, {"total_tokens", tokens}}}};
    return {.headers = {{"x-request-id", "req_mockembeddings"}, {"openai-model", model}}, .body = body.dump()};
}

} // namespace ts::test::embeddings_mock
