#pragma once
#include "trace/import/record_mapper.h"

namespace ts::import {

// LangSmith runs as its API and SDK hand them out: one run per JSON line, the elements of an
// array, a {"runs":[...]} page of the query endpoint, or a run with its child_runs nested.
const ImportFormat& langsmithFormat();

} // namespace ts::import
