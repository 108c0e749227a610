#pragma once
#include "gateway/pipeline.h"

#include <random>
#include <string>

namespace ts::demo {

// One generated user action, at a virtual time; run() sends it through the pipeline.
struct Event
{
    Nanos at = 0;
    int scenario = 0;
    double dayFraction = 0; // position in the whole demo period, 0..1 (drift starts late)
};

struct ScenarioContext
{
    Pipeline& pipeline;
    IdSource& ids;
    std::mt19937_64& rng;
};

// Each scenario sends one request (or one multi-step agent run) at ev.at; returns its result.
PipelineResult runCopilot(const Event& ev, ScenarioContext& ctx);
PipelineResult runWriter(const Event& ev, ScenarioContext& ctx);
PipelineResult runRag(const Event& ev, ScenarioContext& ctx);
PipelineResult runAgent(const Event& ev, ScenarioContext& ctx);

} // namespace ts::demo
