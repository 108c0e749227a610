#pragma once
#include "analytics/drift_report.h"

#include <string>
#include <vector>

namespace ts::analytics {

// The prompts' topic centroids for drift: each text's lexical vector (cache/lexical_embedder.h), averaged
// per window. `baseline` comes in time order; its earlier and later halves give the noise floor, so
// topics that wander within the baseline itself are not taken for drift. Texts without words are skipped.
CentroidSample promptCentroids(const std::vector<std::string>& baseline, const std::vector<std::string>& current);

} // namespace ts::analytics
