#pragma once
#include <QString>
#include <cstdint>

namespace ts::ui {

// How much of the workspace an analysis capped at the newest traces has read:
// "Read the newest 5,000 of 12,345 traces." / "Read all 1,234 traces." / "No traces in this workspace yet."
QString readNote(std::int64_t read, std::int64_t inWorkspace);

} // namespace ts::ui
