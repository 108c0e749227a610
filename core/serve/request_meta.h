#pragma once
#include "model/request.h"

#include <string_view>

namespace ts::serve {

inline constexpr std::string_view kUserHeader = "x-tokenscope-user";
inline constexpr std::string_view kSessionHeader = "x-tokenscope-session";
inline constexpr std::string_view kTagsHeader = "x-tokenscope-tags";

// Who and what a gateway request is for (CONTRACTS "The gateway's requests"): the x-tokenscope-*
// headers over what the body said (OpenAI's `user`, Anthropic's metadata.user_id); tags are
// comma-separated, trimmed, empty ones dropped. The source is "gateway".
void applyGatewayMeta(RequestMeta& meta, std::string_view user, std::string_view session, std::string_view tags);

} // namespace ts::serve
