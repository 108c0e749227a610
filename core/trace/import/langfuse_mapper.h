#pragma once
#include "trace/import/record_mapper.h"

namespace ts::import {

// Langfuse exports: trace and observation objects of the public API (one per JSON line, the
// elements of an array, a trace with its observations nested, or a {"data":[...],"meta":{...}}
// page), and the rows of its blob storage export (the same fields in snake_case).
const ImportFormat& langfuseFormat();

} // namespace ts::import
