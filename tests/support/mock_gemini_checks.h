#pragma once
#include "mock_gemini_scenarios.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace ts::test::gemini_mock {

// The checks the API makes on a GenerateContentRequest before it looks at the model, each a 400
// INVALID_ARGUMENT worded as the API words it: a body that is not JSON, an unknown field at the top
// or in generationConfig ("Unknown name ... Cannot find field."), no contents, a role other than
// user or model.
std::optional<Reply> rejection(const nlohmann::json& request);

} // namespace ts::test::gemini_mock
