#pragma once
#include "replay/repricer.h"

#include <ostream>

namespace ts::cli {

// The re-pricing as a table: one row for the calls as recorded, one per alternative, with the
// change against the recorded row, then each row's models and notes.
void writeRepriceText(const replay::RepriceReport& report, std::ostream& out);
// {"traces","calls","recorded_usd","recorded_calls","price_source","as_recorded":{...},
//  "alternatives":[{"name","usd","change_usd","change_pct","calls","unpriced_calls","moved_calls",
//  "batch_calls","cache_read_tokens","cache_write_tokens","models":[{"model","calls","usd","priced"}],"notes"}]}
void writeRepriceJson(const replay::RepriceReport& report, std::ostream& out);

} // namespace ts::cli
