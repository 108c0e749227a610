#include "providers/model_listing.h"

#include "model/time.h"
#include "net/retry_after.h"
#include "providers/anthropic_reply.h"
#include "providers/embedder_http.h"
#include "providers/gemini_reply.h"
#include "providers/model_list_pages.h"
#include "providers/ollama_wire.h"
#include "providers/openai_wire.h"
#include "providers/secret_headers.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <variant>

namespace ts {

namespace {

using listing::Page;
using ParsePage = std::optional<Page> (*)(const nlohmann::json&);

constexpr int kMostPages = 100; // a server that never stops paging is cut off here

// How one kind's list is asked for: the first page's path, how a cursor extends it, the headers.
struct ListApi
{
    std::string path;
    std::string cursorParam; // empty: the API does not page
    std::vector<Header> headers;
    ParsePage parse;
    HttpErrorFor httpError;
};

std::string percentEncoded(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

ListApi apiFor(const ProviderProfile& p, const std::string& key)
{
    if (p.kind == "anthropic") {
        std::vector<Header> headers{{"anthropic-version", "2023-06-01"}};
        if (!key.empty())
            headers.emplace_back("x-api-key", key);
        return {"v1/models?limit=1000", "after_id", headers, listing::anthropicPage, anthropic::httpError};
    }
    if (p.kind == "gemini") {
        std::vector<Header> headers;
        if (!key.empty())
            headers.emplace_back("x-goog-api-key", key);
        return {"v1beta/models?pageSize=1000", "pageToken", headers, listing::geminiPage, gemini::httpError};
    }
    std::vector<Header> headers{{"Accept", "application/json"}};
    if (!key.empty())
        headers.emplace_back("Authorization", "Bearer " + key);
    if (p.kind == "ollama")
        return {"api/tags", "", headers, listing::ollamaPage, ollama::httpError};
    return {"models", "", headers, listing::openaiPage, openai::httpError};
}

ProviderError failure(ProviderError::Kind kind, std::string message)
{
    return ProviderError{.kind = kind, .message = std::move(message)};
}

// One page: the parsed list, or why there is none.
std::variant<Page, ProviderError> fetchPage(const Endpoint& endpoint, const ListApi& api, const std::string& path,
                                            const CancelToken* cancel)
{
    net::HttpRequest http;
    if (auto error = prepareGet(endpoint, path, api.headers, http))
        return *error;
    const net::HttpResponse response = net::perform(http, cancel);
    using Failure = net::HttpResponse::Failure;
    if (response.failure == Failure::Cancelled)
        return failure(ProviderError::Kind::Cancelled, "cancelled");
    if (response.failure == Failure::Timeout)
        return failure(ProviderError::Kind::Timeout, response.failureMessage);
    if (response.failure != Failure::None)
        return failure(ProviderError::Kind::Network, response.failureMessage);
    if (response.status < 200 || response.status >= 300) {
        ProviderError e = api.httpError(response.status, response.body);
        e.retryAfterMs = net::retryAfterMs(response, wallNowNs());
        return e;
    }
    if (auto page = api.parse(nlohmann::json::parse(response.body, nullptr, false)))
        return std::move(*page);
    return failure(ProviderError::Kind::Stream, "the answer to GET /" + path.substr(0, path.find('?')) +
                                                    " is not a model list: " + response.body.substr(0, 120));
}

void fetchAll(const Endpoint& endpoint, const ListApi& api, const CancelToken* cancel, ModelList& out)
{
    std::string path = api.path;
    for (int pages = 0; pages < kMostPages; ++pages) {
        auto result = fetchPage(endpoint, api, path, cancel);
        if (auto* error = std::get_if<ProviderError>(&result)) {
            out.models.clear();
            out.error = std::move(*error);
            return;
        }
        Page& page = std::get<Page>(result);
        std::move(page.models.begin(), page.models.end(), std::back_inserter(out.models));
        if (page.next.empty() || api.cursorParam.empty())
            return;
        path = api.path + "&" + api.cursorParam + "=" + percentEncoded(page.next);
    }
}

void replaceAll(std::string& text, const std::string& secret)
{
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
        text.replace(at, secret.size(), kRedacted);
}

// A server may echo the key it refused; the user's screen and logs must not.
void scrub(ProviderError& error, const std::string& key)
{
    if (key.size() < 6)
        return;
    for (std::string* text : {&error.message, &error.type, &error.code})
        replaceAll(*text, key);
}

// Azure keys reach one deployment, which cannot list the resource's others.
ModelList azureList(const ProviderProfile& p)
{
    ModelList out;
    out.listed = false;
    for (const std::string& id : p.models.empty() ? std::vector<std::string>{p.azureDeployment} : p.models)
        if (!id.empty())
            out.models.push_back({id, "deployment (Azure cannot list models with a deployment key)"});
    return out;
}

} // namespace

ModelList listModels(const ProviderProfile& profile, const std::string& apiKey, const CancelToken* cancel)
{
    if (auto problems = validateProfile(profile); !problems.empty())
        return ModelList{.error = configError("provider '" + profile.id + "': " + problems.front())};
    if (profile.kind == "azure")
        return azureList(profile);
    const auto started = std::chrono::steady_clock::now();
    ModelList out;
    fetchAll(endpointFor(profile, apiKey), apiFor(profile, apiKey), cancel, out);
    out.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    scrub(out.error, apiKey);
    std::sort(out.models.begin(), out.models.end(),
              [](const ModelListing& a, const ModelListing& b) { return a.id < b.id; });
    return out;
}

} // namespace ts
