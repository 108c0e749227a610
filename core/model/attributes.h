#pragma once
#include <string_view>

// Attribute names: OpenTelemetry GenAI semantic conventions where one exists
// (shared/reference/formats.md §5), `tokenscope.` for the rest.
namespace ts::attr {

inline constexpr std::string_view kOperationName = "gen_ai.operation.name";
inline constexpr std::string_view kProviderName = "gen_ai.provider.name";
inline constexpr std::string_view kRequestModel = "gen_ai.request.model";
inline constexpr std::string_view kRequestTemperature = "gen_ai.request.temperature";
inline constexpr std::string_view kRequestMaxTokens = "gen_ai.request.max_tokens";
inline constexpr std::string_view kRequestTopP = "gen_ai.request.top_p";
inline constexpr std::string_view kRequestSeed = "gen_ai.request.seed";
inline constexpr std::string_view kRequestStream = "gen_ai.request.stream";
inline constexpr std::string_view kResponseModel = "gen_ai.response.model";
inline constexpr std::string_view kResponseId = "gen_ai.response.id";
inline constexpr std::string_view kFinishReasons = "gen_ai.response.finish_reasons";
inline constexpr std::string_view kTimeToFirstChunk = "gen_ai.response.time_to_first_chunk"; // seconds
inline constexpr std::string_view kInputTokens = "gen_ai.usage.input_tokens";
inline constexpr std::string_view kOutputTokens = "gen_ai.usage.output_tokens";
inline constexpr std::string_view kCacheReadTokens = "gen_ai.usage.cache_read.input_tokens";
inline constexpr std::string_view kCacheWriteTokens = "gen_ai.usage.cache_creation.input_tokens";
inline constexpr std::string_view kReasoningTokens = "gen_ai.usage.reasoning.output_tokens";
inline constexpr std::string_view kConversationId = "gen_ai.conversation.id";
inline constexpr std::string_view kToolName = "gen_ai.tool.name";
inline constexpr std::string_view kToolCallId = "gen_ai.tool.call.id";
inline constexpr std::string_view kErrorType = "error.type";
inline constexpr std::string_view kServerAddress = "server.address";
inline constexpr std::string_view kServerPort = "server.port";
inline constexpr std::string_view kHttpStatus = "http.response.status_code";

inline constexpr std::string_view kStage = "tokenscope.stage"; // guard.input, cache.lookup, route, ...
inline constexpr std::string_view kSimulated = "tokenscope.simulated";
inline constexpr std::string_view kCostUsd = "tokenscope.cost.usd";
inline constexpr std::string_view kCostEstimated = "tokenscope.cost.estimated";
inline constexpr std::string_view kThinkingChars = "tokenscope.response.thinking_chars"; // reasoning text kept out of the answer
inline constexpr std::string_view kErrorCategory = "tokenscope.error.category"; // auth, rate_limited, ...
inline constexpr std::string_view kCostReportedUsd = "tokenscope.cost.reported_usd"; // the provider's or log's own figure
inline constexpr std::string_view kCostDiffers = "tokenscope.cost.differs";           // reported and computed disagree
inline constexpr std::string_view kCacheWrite1hTokens = "tokenscope.usage.cache_write_1h_tokens";
inline constexpr std::string_view kUsageReported = "tokenscope.usage.reported";
inline constexpr std::string_view kChunkCount = "tokenscope.stream.chunks";
inline constexpr std::string_view kSource = "tokenscope.source";
inline constexpr std::string_view kUser = "tokenscope.user";
inline constexpr std::string_view kSession = "tokenscope.session";
inline constexpr std::string_view kTags = "tokenscope.tags";
inline constexpr std::string_view kFeature = "tokenscope.feature";
inline constexpr std::string_view kApiKeyName = "tokenscope.key";     // a gateway virtual key's name
inline constexpr std::string_view kProject = "tokenscope.project";
inline constexpr std::string_view kRoute = "tokenscope.route";
inline constexpr std::string_view kAttempt = "tokenscope.attempt";
inline constexpr std::string_view kCacheHit = "tokenscope.cache.hit";
inline constexpr std::string_view kCacheLayer = "tokenscope.cache.layer";     // exact, semantic, none
inline constexpr std::string_view kCacheAsked = "tokenscope.cache.asked";     // the layers looked in, "exact+semantic"
inline constexpr std::string_view kCacheKey = "tokenscope.cache.key";         // the request's normalised hash
inline constexpr std::string_view kCacheEntry = "tokenscope.cache.entry";     // the entry a hit served
inline constexpr std::string_view kCacheAgeMs = "tokenscope.cache.age_ms";    // how old that entry was
inline constexpr std::string_view kCacheSavedUsd = "tokenscope.cache.saved_usd"; // what the original call cost
inline constexpr std::string_view kCacheReplay = "tokenscope.cache.replay";   // paced or instant
inline constexpr std::string_view kCacheExpired = "tokenscope.cache.expired"; // a miss: the entry outlived its TTL
inline constexpr std::string_view kCacheStored = "tokenscope.cache.stored";   // cache.store kept the answer
inline constexpr std::string_view kCacheSkipped = "tokenscope.cache.skipped"; // why it did not
inline constexpr std::string_view kCacheError = "tokenscope.cache.error";     // an unreadable entry or store
inline constexpr std::string_view kGuardFindings = "tokenscope.guard.findings";
inline constexpr std::string_view kRetryAfterMs = "tokenscope.retry_after_ms";
inline constexpr std::string_view kBatch = "tokenscope.batch"; // sent through a provider's batch API: priced at its batch discount
inline constexpr std::string_view kSourceId = "tokenscope.source.id"; // the record's own id in an imported log (a batch custom_id)

} // namespace ts::attr
