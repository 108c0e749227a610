#pragma once
#include "catalog/model_info.h"
#include "tokens/model_tokens.h"

#include <QString>
#include <cstdint>
#include <optional>

// What the token meter says, as pure functions of the numbers (tested without widgets).
namespace ts::ui::meter {

enum class GaugeState { Unknown, Ok, Warning, Over };

// Warning: the prompt fills more than 80% of the window; Over: prompt + reserved output exceed it.
GaugeState gaugeState(std::int64_t prompt, std::int64_t reserve, std::int64_t window);
QString gaugeSummary(std::int64_t prompt, std::int64_t reserve, std::int64_t window); // "12% of 128,000"
QString gaugeMessage(std::int64_t prompt, std::int64_t reserve,
                     std::int64_t window); // empty when all is well

QString countText(std::int64_t tokens);     // "1,234 tokens"
QString qualifier(const TokenCount& count); // "exact (o200k_base)" or "estimate"
QString countTooltip(const TokenCount& count);

// The output the reply may use: the form's max tokens if set, else the model's limit, else unknown.
std::optional<std::int64_t> outputReserve(const ModelInfo* model, std::optional<int> formMaxTokens);

struct CostRange
{
    bool priced = false;
    double input = 0;     // the prompt, exactly as counted
    double outputMax = 0; // a reply of the reserved length
    QString text;         // "$0.0002 in + $0 – $0.0098 out"
    QString intro;        // what the range means, or what is missing
    QString explanation;  // formatExplanation's lines for the top of the range (monospaced)
    QString tooltip() const
    {
        return explanation.isEmpty() ? intro : QString(intro + QStringLiteral("\n\n") + explanation);
    }
};

CostRange costRange(const QString& modelId, const ModelInfo* model, std::int64_t inputTokens,
                    std::optional<std::int64_t> maxOutput);

} // namespace ts::ui::meter
