#pragma once
#include <string>

namespace ts::bench {

// The request every client of the bench sends, to the upstream or through the gateway.
inline std::string chatBody(bool stream)
{
    return std::string(R"({"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are terse."},)"
                       R"({"role":"user","content":"Say hello to the benchmark."}],"max_tokens":32)") +
           (stream ? R"(,"stream":true})" : "}");
}

} // namespace ts::bench
