#pragma once
#include "mock_http.h"

#include <map>
#include <string>

namespace ts::test {

// An OpenAI-compatible POST /v1/embeddings on loopback whose vectors behave like a real embedding
// model's: texts given the same topic point the same way (cosine about 0.94 between two of them), any
// other text gets its own direction (embeddings_mock::vectorFor). The mock OpenAI server's vectors
// are one random direction per text, so no paraphrase could ever match with them.
class TopicEmbeddingsServer
{
  public:
    static constexpr int kDimensions = 64;

    // topics: text -> topic number (0 .. kDimensions-1).
    explicit TopicEmbeddingsServer(std::map<std::string, int> topics);

    std::string baseUrl() const; // http://127.0.0.1:PORT/v1
    int requestCount() const { return http_.requestCount(); }

  private:
    std::map<std::string, int> topics_;
    MockHttp http_; // last: it stops serving before the topics go
};

} // namespace ts::test
