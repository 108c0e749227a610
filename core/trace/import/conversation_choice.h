#pragma once
#include "model/trace.h"

#include <vector>

namespace ts::import {

// The pieces one record yielded (a trace with its observations nested, a run with its child runs)
// keep one conversation per trace: the last model call's, whose input holds all the earlier calls
// said, else the one the root carried. Across records the importer keeps the first one it meets.
void keepOneConversation(std::vector<Trace>& pieces);

} // namespace ts::import
