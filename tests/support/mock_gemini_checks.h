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

// Gemini 3's check on a request that passed rejection(): in the current turn (from the last user
// content that is not only functionResponse parts), the first functionCall part of every model step
// must carry the thoughtSignature it came with (here kThoughtSignature), else 400 INVALID_ARGUMENT.
// Parallel calls after the first need none; calls in earlier turns are not checked.
std::optional<Reply> unsignedCall(const nlohmann::json& request);

} // namespace ts::test::gemini_mock
