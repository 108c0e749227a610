#include "serve/embeddings_endpoint.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace ts::serve {

namespace {

using nlohmann::json;

std::string base64Of(const std::vector<float>& v)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes(v.size() * sizeof(float), '\0');
    std::memcpy(bytes.data(), v.data(), bytes.size()); // x86-64 and arm64 are little-endian, as the format wants
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto b = [&](std::size_t k) { return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u; };
        const unsigned n = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

std::vector<std::string> inputsOf(const json& input)
{
    if (input.is_string())
        return {input.get<std::string>()};
    std::vector<std::string> out;
    for (const json& item : input) {
        if (!item.is_string())
            throw std::invalid_argument("'input' must be a string or an array of strings (token arrays are not supported)");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string replyJson(const Embeddings& e, const std::string& model, bool base64)
{
    json data = json::array();
    for (std::size_t i = 0; i < e.vectors.size(); ++i)
        data.push_back({{"object", "embedding"},
                        {"index", i},
                        {"embedding", base64 ? json(base64Of(e.vectors[i])) : json(e.vectors[i])}});
    return dumpJson({{"object", "list"},
                     {"data", std::move(data)},
                     {"model", e.model.empty() ? model : e.model},
                     {"usage", {{"prompt_tokens", e.inputTokens}, {"total_tokens", e.inputTokens}}}});
}

} // namespace

EmbeddingsEndpoint::EmbeddingsEndpoint(const std::vector<ProviderProfile>& profiles, const KeyLookup& keys)
{
    for (const ProviderProfile& p : profiles) {
        if (!p.enabled || p.kind != "openai")
            continue;
        const std::string key = keys ? keys(p).value_or(std::string()) : std::string();
        if (key.empty() && p.baseUrl.empty())
            continue;
        OpenAIEmbedderConfig config;
        static_cast<Endpoint&>(config) = endpointFor(p, key);
        servers_.emplace_back(p.id, std::move(config));
    }
}

const OpenAIEmbedderConfig* EmbeddingsEndpoint::serverFor(std::string& model) const
{
    if (const auto slash = model.find('/'); slash != std::string::npos)
        for (const auto& [id, config] : servers_)
            if (model.compare(0, slash, id) == 0) {
                model.erase(0, slash + 1);
                return &config;
            }
    return servers_.empty() ? nullptr : &servers_.front().second;
}

std::variant<std::string, GatewayError> EmbeddingsEndpoint::handle(std::string_view body, const CancelToken* cancel) const
{
    json request;
    try {
        request = json::parse(body);
    } catch (const json::parse_error& e) {
        return invalidRequest(std::string("We could not parse the JSON body of your request (") + e.what() + ").");
    }
    std::string model = request.value("model", "");
    if (model.empty() || !request.contains("input"))
        return invalidRequest("'model' and 'input' are required", model.empty() ? "model" : "input");
    const OpenAIEmbedderConfig* server = serverFor(model);
    if (!server)
        return GatewayError{GatewayError::Kind::NotFound,
                            "No OpenAI-compatible provider is configured for embeddings; add a profile of kind "
                            "'openai' (or set OPENAI_API_KEY) where the gateway runs.",
                            "model", "model_not_found", std::nullopt};
    OpenAIEmbedderConfig config = *server;
    config.model = model;
    if (request.contains("dimensions") && request["dimensions"].is_number_integer())
        config.dimensions = request["dimensions"].get<int>();
    try {
        auto result = OpenAIEmbedder(std::move(config)).embed(inputsOf(request["input"]), cancel);
        if (auto* error = std::get_if<ProviderError>(&result))
            return fromProviderError(*error);
        return replyJson(std::get<Embeddings>(result), model, request.value("encoding_format", "float") == "base64");
    } catch (const std::invalid_argument& e) {
        return invalidRequest(e.what(), "input");
    }
}

} // namespace ts::serve
