#pragma once
#include "trace/import/record_mapper.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::import {

// Every format the importer reads, stricter detectors first: a record two of them would claim
// goes to the first.
const std::vector<const ImportFormat*>& importFormats();

// The format called `name` (as --format takes it), or nullptr.
const ImportFormat* findFormat(std::string_view name);

// The first format that claims the record, or nullptr.
const ImportFormat* detectFormat(std::string_view record);

// "unknown format; Tokenscope reads: otlp (...), tokenscope (...), ..."
std::string unknownFormatMessage();

} // namespace ts::import
