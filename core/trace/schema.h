#pragma once

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// Schema version 1: traces, spans, messages (+ FTS5 index), raw exchanges.
void createSchemaV1(sql::Connection& db);
// Schema version 2: saved playground prompts and their versions (schema_prompts.cpp).
void createPromptTablesV2(sql::Connection& db);

} // namespace ts::workspace
