#pragma once

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// Schema version 6: messages keep their images and prompt-cache breakpoints (message_extras_json.h),
// so a trace exports as it was imported or recorded.
void addMessageExtrasV6(sql::Connection& db);

} // namespace ts::workspace
