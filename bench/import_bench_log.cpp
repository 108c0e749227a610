#include "import_bench_log.h"

#include "model/json_writer.h"

#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>

namespace bench {

namespace {

constexpr std::int64_t kTracesPerLine = 20;
constexpr std::int64_t kStart = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z

const char* const kWords[] = {"order",    "refund",  "shipping", "account", "password", "invoice",
                              "delivery", "the",     "my",       "was",     "please",   "why",
                              "when",     "charged", "twice",    "help",    "cannot",   "login",
                              "address",  "update",  "status",   "package", "late",     "thanks"};
const char* const kModels[] = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "gpt-4.1-mini"};

class Writer
{
  public:
    explicit Writer(std::uint64_t seed) : rng_(seed) {}

    const std::string& line(std::int64_t firstTrace, GeneratedLog& log)
    {
        out_.clear();
        out_ += R"({"resourceSpans":[{"resource":{"attributes":[)";
        str("service.name", "support-bot");
        out_ += ',';
        str("telemetry.sdk.language", "python");
        out_ +=
            R"(]},"scopeSpans":[{"scope":{"name":"opentelemetry.instrumentation.openai_v2","version":"2.1b0"},"spans":[)";
        for (std::int64_t t = firstTrace; t < firstTrace + kTracesPerLine; ++t)
            trace(t, log);
        out_ += "]}]}]}\n";
        return out_;
    }

  private:
    std::string words(int count)
    {
        std::string text;
        for (int i = 0; i < count; ++i)
            text += std::string(i ? " " : "") + kWords[rng_() % std::size(kWords)];
        return text;
    }

    void key(const char* name, const char* type)
    {
        out_ += R"({"key":")";
        out_ += name;
        out_ += R"(","value":{")";
        out_ += type;
        out_ += "\":";
    }
    void str(const char* name, std::string_view value)
    {
        key(name, "stringValue");
        ts::appendJsonLiteral(out_, value);
        out_ += "}}";
    }
    void integer(const char* name, std::int64_t value)
    {
        key(name, "intValue");
        out_ += '"' + std::to_string(value) + "\"}}";
    }
    void number(const char* name, double value)
    {
        key(name, "doubleValue");
        ts::JsonWriter(out_).number(value);
        out_ += "}}";
    }

    void open(std::int64_t t, int span, int parent, const std::string& name, int kind, std::int64_t start,
              std::int64_t end)
    {
        char ids[128];
        std::snprintf(ids, sizeof ids, R"({"traceId":"%032llx","spanId":"%016llx")",
                      static_cast<unsigned long long>(t + 1),
                      static_cast<unsigned long long>(t * 8 + span + 1));
        out_ += ids;
        if (parent >= 0) {
            std::snprintf(ids, sizeof ids, R"(,"parentSpanId":"%016llx")",
                          static_cast<unsigned long long>(t * 8 + parent + 1));
            out_ += ids;
        }
        out_ += R"(,"name":)";
        ts::appendJsonLiteral(out_, name);
        out_ += ",\"kind\":" + std::to_string(kind) + R"(,"startTimeUnixNano":")" + std::to_string(start) +
                R"(","endTimeUnixNano":")" + std::to_string(end) + R"(","status":{"code":1},"attributes":[)";
    }

    void trace(std::int64_t t, GeneratedLog& log)
    {
        const std::int64_t start = kStart + t * 2'000'000'000;
        const int calls = 2 + static_cast<int>(rng_() % 3);
        if (t % kTracesPerLine)
            out_ += ',';
        open(t, 0, -1, "invoke_agent support", 1, start, start + (calls + 1) * 900'000'000);
        str("gen_ai.operation.name", "invoke_agent");
        out_ += ',';
        str("gen_ai.conversation.id", "conv-" + std::to_string(t / 5));
        out_ += ',';
        const std::string input =
            R"([{"role":"system","parts":[{"type":"text","content":"You are the support assistant of an online shop. )" +
            words(40) + R"("}]},{"role":"user","parts":[{"type":"text","content":")" + words(25) + "\"}]}]";
        str("gen_ai.input.messages", input);
        out_ += ',';
        str("gen_ai.output.messages", R"([{"role":"assistant","parts":[{"type":"text","content":")" +
                                          words(50) + R"("}],"finish_reason":"stop"}])");
        out_ += "]}";
        for (int c = 0; c < calls; ++c) {
            const char* model = kModels[rng_() % std::size(kModels)];
            const std::int64_t at = start + c * 900'000'000 + 10'000'000;
            out_ += ',';
            open(t, 1 + c, 0, std::string("chat ") + model, 3, at, at + 850'000'000);
            str("gen_ai.operation.name", "chat");
            out_ += ',';
            str("gen_ai.provider.name", model[0] == 'c' ? "anthropic" : "openai");
            out_ += ',';
            str("gen_ai.request.model", model);
            out_ += ',';
            integer("gen_ai.usage.input_tokens", 300 + static_cast<std::int64_t>(rng_() % 3000));
            out_ += ',';
            integer("gen_ai.usage.output_tokens", 20 + static_cast<std::int64_t>(rng_() % 400));
            out_ += ',';
            integer("gen_ai.usage.cache_read.input_tokens", static_cast<std::int64_t>(rng_() % 256));
            out_ += ',';
            number("gen_ai.request.temperature", 0.2);
            out_ += ',';
            number("gen_ai.response.time_to_first_chunk", 0.1 + static_cast<double>(rng_() % 500) / 1000.0);
            out_ += ',';
            str("server.address", "api.example.com");
            out_ +=
                R"(,{"key":"gen_ai.response.finish_reasons","value":{"arrayValue":{"values":[{"stringValue":"stop"}]}}}]})";
        }
        out_ += ',';
        const std::int64_t toolAt = start + calls * 900'000'000;
        open(t, 1 + calls, 0, "execute_tool search_orders", 1, toolAt, toolAt + 40'000'000);
        str("gen_ai.operation.name", "execute_tool");
        out_ += ',';
        str("gen_ai.tool.name", "search_orders");
        out_ += "]}";
        ++log.traces;
        log.spans += calls + 2;
    }

    std::mt19937_64 rng_;
    std::string out_;
};

} // namespace

GeneratedLog writeOtlpLog(const std::string& path, std::int64_t spans, std::uint64_t seed)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!file)
        throw std::runtime_error("cannot write " + path);
    Writer writer(seed);
    GeneratedLog log;
    for (std::int64_t t = 0; log.spans < spans; t += kTracesPerLine) {
        const std::string& text = writer.line(t, log);
        std::fwrite(text.data(), 1, text.size(), file.get());
        log.bytes += text.size();
    }
    return log;
}

} // namespace bench
