#include "gateway/config_reader.h"

namespace ts::config_detail {

namespace {

// "exact": {"enabled", "ttl_seconds", "replay": paced|instant, "whitespace": exact|collapse,
// "share_across_users"}
void readExact(Reader& r, const json& obj, GatewayConfig& out)
{
    auto it = obj.find("exact");
    if (it == obj.end() || it->is_null())
        return;
    const std::string path = "cache.exact";
    if (!it->is_object())
        return r.fail(path, "expected an object");
    r.unknownFields(*it, {"enabled", "ttl_seconds", "replay", "whitespace", "share_across_users"}, path);
    cache::ExactCacheConfig& c = out.exactCache;
    c.enabled = r.get<bool>(*it, "enabled", path).value_or(true);
    if (auto ttl = r.get<double>(*it, "ttl_seconds", path)) {
        if (*ttl > 0)
            c.ttl = static_cast<Nanos>(*ttl * static_cast<double>(kNsPerSec));
        else
            r.fail(path + ".ttl_seconds", "must be above 0");
    }
    const std::string replay = r.get<std::string>(*it, "replay", path).value_or("paced");
    if (replay == "paced" || replay == "instant")
        c.replay = replay == "paced" ? cache::ReplayPacing::Original : cache::ReplayPacing::Instant;
    else
        r.fail(path + ".replay", "must be paced or instant");
    const std::string whitespace = r.get<std::string>(*it, "whitespace", path).value_or("exact");
    if (whitespace == "exact" || whitespace == "collapse")
        c.key.whitespace = whitespace == "exact" ? cache::WhitespacePolicy::Exact : cache::WhitespacePolicy::Collapse;
    else
        r.fail(path + ".whitespace", "must be exact or collapse");
    c.key.shareAcrossUsers = r.get<bool>(*it, "share_across_users", path).value_or(false);
}

// "semantic": {"enabled", "embedder": "lexical"|PROVIDER, "embedding_model", "threshold", "ttl_seconds",
// "share_across_users", "max_entries_per_scope"}
void readSemantic(Reader& r, const json& obj, GatewayConfig& out)
{
    auto it = obj.find("semantic");
    if (it == obj.end() || it->is_null())
        return;
    const std::string path = "cache.semantic";
    if (!it->is_object())
        return r.fail(path, "expected an object");
    r.unknownFields(*it,
                    {"enabled", "embedder", "embedding_model", "threshold", "ttl_seconds", "share_across_users",
                     "max_entries_per_scope"},
                    path);
    SemanticCacheSettings& s = out.semanticCache;
    s.enabled = r.get<bool>(*it, "enabled", path).value_or(true);
    s.embedder = r.get<std::string>(*it, "embedder", path).value_or("lexical");
    s.embeddingModel = r.get<std::string>(*it, "embedding_model", path).value_or("");
    if (s.embedder.empty())
        r.fail(path + ".embedder", "name \"lexical\" (the built-in local embedder) or a provider");
    else if (s.embedder != "lexical" && s.embeddingModel.empty())
        r.fail(path + ".embedding_model", "required with a provider's embedder (e.g. text-embedding-3-small)");
    if (auto t = r.get<double>(*it, "threshold", path)) {
        if (*t > 0 && *t <= 1)
            s.threshold = static_cast<float>(*t);
        else
            r.fail(path + ".threshold", "must be above 0 and at most 1");
    }
    if (auto ttl = r.get<double>(*it, "ttl_seconds", path)) {
        if (*ttl >= 0)
            s.ttl = static_cast<Nanos>(*ttl * static_cast<double>(kNsPerSec));
        else
            r.fail(path + ".ttl_seconds", "must not be negative (0: entries never expire)");
    }
    s.shareAcrossUsers = r.get<bool>(*it, "share_across_users", path).value_or(false);
    if (auto n = r.get<std::int64_t>(*it, "max_entries_per_scope", path)) {
        if (*n >= 1)
            s.maxEntriesPerScope = static_cast<std::size_t>(*n);
        else
            r.fail(path + ".max_entries_per_scope", "must be 1 or more");
    }
}

} // namespace

void readCache(Reader& r, const json& obj, GatewayConfig& out)
{
    r.unknownFields(obj, {"exact", "semantic"}, "cache");
    readExact(r, obj, out);
    readSemantic(r, obj, out);
}

} // namespace ts::config_detail
