#include "mock_ollama_scenarios.h"

#include "test_env.h"

#include <algorithm>
#include <cstdio>

namespace ts::test::ollama_mock {

namespace {

// Keys in the order Ollama's Go structs write them, so replies read like the real thing.
using Json = nlohmann::ordered_json;

constexpr std::string_view kNdjson = "application/x-ndjson";
constexpr std::string_view kJson = "application/json; charset=utf-8";

std::string createdAt(int line)
{
    const long micros = 97767L + line * 11413L;
    char text[64];
    std::snprintf(text, sizeof text, "2025-10-26T17:15:%02ld.%06ldZ", 24 + micros / 1000000,
                  micros % 1000000);
    return text;
}

Json message(std::string_view content, std::string_view thinking = {})
{
    Json out{{"role", "assistant"}, {"content", content}};
    if (!thinking.empty())
        out["thinking"] = thinking;
    return out;
}

Json line(const std::string& model, int n, Json msg)
{
    return {{"model", model}, {"created_at", createdAt(n)}, {"message", std::move(msg)}, {"done", false}};
}

// The done:true line, with the metrics of ollama-api.md's example.
Json finalLine(const std::string& model, int n, Json msg, std::string_view reason = "stop")
{
    return {{"model", model},
            {"created_at", createdAt(n)},
            {"message", std::move(msg)},
            {"done_reason", reason},
            {"done", true},
            {"total_duration", kTotalDurationNs},
            {"load_duration", kLoadDurationNs},
            {"prompt_eval_count", kPromptEvalCount},
            {"prompt_eval_duration", kPromptEvalDurationNs},
            {"eval_count", kEvalCount},
            {"eval_duration", kEvalDurationNs}};
}

std::vector<std::string> dripPieces()
{
    std::vector<std::string> pieces;
    for (int i = 0; i < kDripPieces; ++i)
        pieces.push_back("w" + std::to_string(i) + " ");
    return pieces;
}

// llama-sparse: no created_at and no metrics; the last piece comes with done:true.
std::vector<Json> sparseLines(const std::string& model)
{
    std::vector<Json> lines;
    for (std::size_t i = 0; i + 1 < kTextPieces.size(); ++i)
        lines.push_back({{"model", model}, {"message", message(kTextPieces[i])}, {"done", false}});
    lines.push_back({{"model", model}, {"message", message(kTextPieces.back())}, {"done", true}});
    return lines;
}

std::vector<Json> streamLines(const std::string& model)
{
    if (model == "llama-sparse")
        return sparseLines(model);
    std::vector<Json> lines;
    if (model == "llama-thinking")
        for (const std::string& thought : kThinkingPieces)
            lines.push_back(line(model, static_cast<int>(lines.size()), message("", thought)));
    const bool drip = model == "llama-drip";
    for (const std::string& piece : drip ? dripPieces() : kTextPieces)
        lines.push_back(line(model, static_cast<int>(lines.size()), message(piece)));
    if (model == "llama-disconnect" || model == "llama-stall" || model == "llama-error-in-stream")
        lines.resize(model == "llama-disconnect" ? 3 : 2);
    else if (model != "llama-no-done")
        lines.push_back(finalLine(model, static_cast<int>(lines.size()), message(""),
                                  model == "llama-length" ? "length" : "stop"));
    return lines;
}

Reply textStream(const std::string& model, const Options& options)
{
    Reply reply{.contentType = std::string(kNdjson)};
    const auto delay = model == "llama-drip" ? options.dripDelay : std::chrono::milliseconds(0);
    std::vector<std::string> texts;
    for (const Json& l : streamLines(model))
        texts.push_back(l.dump() + "\n");
    if (model == "llama-truncated-json")
        texts.insert(texts.begin() + 2, texts[2].substr(0, texts[2].size() / 2) + "\n");
    if (model == "llama-error-in-stream")
        texts.push_back(Json{{"error", kRunnerError}}.dump() + "\n");
    for (std::string& text : texts)
        reply.pieces.push_back({std::move(text), delay});
    if (model == "llama-disconnect")
        reply.end = Reply::End::Cut;
    if (model == "llama-stall")
        reply.end = Reply::End::Stall;
    return reply;
}

// "stream": false: one object with the whole message.
Reply whole(const std::string& model)
{
    Json reply;
    if (model == "llama-sparse")
        reply = {{"model", model}, {"message", message(kText)}, {"done", true}};
    else
        reply = finalLine(model, 0,
                          model == "llama-thinking" ? message(kText, kThinkingPieces[0] + kThinkingPieces[1])
                                                    : message(kText),
                          model == "llama-length" ? "length" : "stop");
    return {.contentType = std::string(kJson), .body = reply.dump()};
}

// A recording is replayed one line per write, byte for byte.
Reply replay(const std::string& name)
{
    const std::string recording = readFile(dataDir() + "/ollama/" + name + ".ndjson");
    Reply reply{.contentType = std::string(kNdjson)};
    for (std::size_t at = 0; at < recording.size();) {
        const std::size_t end = std::min(recording.find('\n', at), recording.size() - 1) + 1;
        reply.pieces.push_back({recording.substr(at, end - at)});
        at = end;
    }
    return reply;
}

// The faults a model name stages before anything is generated, for /api/chat and /api/embed alike.
std::optional<Reply> modelFault(const std::string& model)
{
    if (model.starts_with("missing-"))
        return errorReply(404, "model \"" + model + "\" not found, try pulling it first");
    if (model == "llama-busy")
        return errorReply(503, kBusy);
    if (model == "llama-rate-limited")
        return errorReply(429, "too many requests, please retry later", {{"retry-after", "2"}});
    if (model == "llama-crash")
        return errorReply(500, "llama runner process has terminated: exit status 2");
    return std::nullopt;
}

} // namespace

Reply errorReply(int status, std::string_view message, std::vector<Header> headers)
{
    return {.status = status,
            .headers = std::move(headers),
            .contentType = std::string(kJson),
            .body = Json{{"error", message}}.dump()};
}

std::optional<Reply> rejection(const nlohmann::json& request)
{
    if (!request.is_object())
        return errorReply(400, "invalid character 'x' looking for beginning of value");
    if (!request.contains("model") || !request["model"].is_string() ||
        request["model"].get<std::string>().empty())
        return errorReply(400, "model is required");
    return std::nullopt;
}

Reply chatReply(const nlohmann::json& request, const Options& options)
{
    const std::string model = request.value("model", "");
    if (auto fault = modelFault(model))
        return *fault;
    if (request.contains("messages") && !request["messages"].is_array())
        return errorReply(400, "json: cannot unmarshal object into Go struct field ChatRequest.messages");
    if (model == "llama-tools")
        return replay("tool_calls");
    if (model.starts_with("llama-replay:"))
        return replay(model.substr(std::string_view("llama-replay:").size()));
    // Ollama streams unless told not to.
    if (!request.value("stream", true))
        return whole(model);
    return textStream(model, options);
}

std::vector<float> embeddingFor(std::string_view text)
{
    if (text.empty())
        return {0, 0, 0, 0};
    unsigned sum = 0;
    for (const unsigned char c : text)
        sum += c;
    return {static_cast<float>(text.size()) / 100.0f,
            static_cast<float>(static_cast<unsigned char>(text.front())) / 255.0f,
            static_cast<float>(static_cast<unsigned char>(text.back())) / 255.0f,
            static_cast<float>(sum % 97) / 97.0f};
}

std::int64_t embedTokens(const std::vector<std::string>& texts)
{
    std::int64_t n = 0;
    for (const std::string& text : texts)
        n += static_cast<std::int64_t>((text.size() + 3) / 4);
    return n;
}

Reply embedReply(const nlohmann::json& request)
{
    const std::string model = request.value("model", "");
    if (auto fault = modelFault(model))
        return *fault;
    const nlohmann::json input = request.value("input", nlohmann::json());
    std::vector<std::string> texts;
    if (input.is_string())
        texts.push_back(input.get<std::string>());
    else if (input.is_array() &&
             std::all_of(input.begin(), input.end(), [](const auto& v) { return v.is_string(); }))
        texts = input.get<std::vector<std::string>>();
    else
        return errorReply(400, "invalid input type");
    Json vectors = Json::array();
    for (const std::string& text : texts)
        vectors.push_back(embeddingFor(text));
    const Json reply{{"model", model},
                     {"embeddings", std::move(vectors)},
                     {"total_duration", 14143917},
                     {"load_duration", 1019500},
                     {"prompt_eval_count", embedTokens(texts)}};
    return {.contentType = std::string(kJson), .body = reply.dump()};
}

} // namespace ts::test::ollama_mock
