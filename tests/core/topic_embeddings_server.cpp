#include "topic_embeddings_server.h"

#include "mock_openai_embeddings.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace ts::test {

namespace {

// The topic's axis plus a quarter of the text's own direction, so paraphrases are close, not equal.
std::vector<float> vectorOf(const std::string& text, const std::map<std::string, int>& topics)
{
    std::vector<float> v = embeddings_mock::vectorFor(text, TopicEmbeddingsServer::kDimensions);
    const auto topic = topics.find(text);
    if (topic == topics.end())
        return v;
    for (float& x : v)
        x *= 0.25f;
    v[static_cast<std::size_t>(topic->second)] += 1.0f;
    return v; // the embedder's caller normalises
}

} // namespace

TopicEmbeddingsServer::TopicEmbeddingsServer(std::map<std::string, int> topics) : topics_(std::move(topics))
{
    http_.post("/v1/embeddings", [this](const httplib::Request& request) {
        const nlohmann::json body = nlohmann::json::parse(request.body);
        nlohmann::json data = nlohmann::json::array();
        for (const auto& input : body.at("input"))
            data.push_back(
                {{"object", "embedding"}, {"index", data.size()}, {"embedding", vectorOf(input, topics_)}});
        const nlohmann::json reply{{"object", "list"},
                                   {"data", data},
                                   {"model", body.at("model")},
                                   {"usage", {{"prompt_tokens", 8}, {"total_tokens", 8}}}};
        return mock::Reply{.body = reply.dump()};
    });
    http_.listen("topic embeddings");
}

std::string TopicEmbeddingsServer::baseUrl() const
{
    return http_.origin() + "/v1";
}

} // namespace ts::test
