// What the playground's token meter says for given numbers: the context gauge's state and message,
// the count's label, and the cost range before sending.
#include "catalog/catalog.h"
#include "catalog/cost.h"
#include "common/format.h"
#include "playground/context_gauge.h"
#include "playground/meter_text.h"
#include "playground/token_meter.h"

#include <QtTest>

using namespace ts;
using namespace ts::ui;
using meter::GaugeState;

Q_DECLARE_METATYPE(ts::ui::meter::GaugeState)

namespace {

ModelInfo priced(double in, double out, std::int64_t maxOutput)
{
    ModelInfo m;
    m.id = "test-model";
    m.provider = "test";
    m.contextWindow = 100'000;
    m.maxOutputTokens = maxOutput;
    m.prices.input = in;
    m.prices.output = out;
    return m;
}

} // namespace

class TestPlaygroundMeter : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void gaugeState_data()
    {
        QTest::addColumn<qint64>("prompt");
        QTest::addColumn<qint64>("reserve");
        QTest::addColumn<qint64>("window");
        QTest::addColumn<GaugeState>("state");
        QTest::newRow("window unknown") << qint64(5000) << qint64(0) << qint64(0) << GaugeState::Unknown;
        QTest::newRow("empty") << qint64(0) << qint64(16384) << qint64(128000) << GaugeState::Ok;
        QTest::newRow("small") << qint64(1234) << qint64(16384) << qint64(128000) << GaugeState::Ok;
        QTest::newRow("80% exactly") << qint64(80000) << qint64(0) << qint64(100000) << GaugeState::Ok;
        QTest::newRow("above 80%") << qint64(80001) << qint64(0) << qint64(100000) << GaugeState::Warning;
        QTest::newRow("above 80%, reserve fits")
            << qint64(85000) << qint64(15000) << qint64(100000) << GaugeState::Warning;
        QTest::newRow("reserve overflows")
            << qint64(85000) << qint64(15001) << qint64(100000) << GaugeState::Over;
        QTest::newRow("reserve overflows early")
            << qint64(30000) << qint64(100000) << qint64(128000) << GaugeState::Over;
        QTest::newRow("prompt alone over")
            << qint64(130000) << qint64(0) << qint64(128000) << GaugeState::Over;
    }
    void gaugeState()
    {
        QFETCH(qint64, prompt);
        QFETCH(qint64, reserve);
        QFETCH(qint64, window);
        QFETCH(GaugeState, state);
        QCOMPARE(meter::gaugeState(prompt, reserve, window), state);
        ContextGauge gauge;
        gauge.setValues(prompt, reserve, window);
        QCOMPARE(gauge.state(), state);
        QCOMPARE(meter::gaugeMessage(prompt, reserve, window).isEmpty(),
                 state == GaugeState::Ok || state == GaugeState::Unknown);
    }

    void gaugeTexts()
    {
        QCOMPARE(meter::gaugeSummary(12800, 16384, 128000),
                 QStringLiteral("10% of 128,000 · 16,384 for output"));
        QCOMPARE(meter::gaugeSummary(1234, 0, 128000), QStringLiteral("<1% of 128,000"));
        QCOMPARE(meter::gaugeSummary(10, 0, 128000), QStringLiteral("<1% of 128,000"));
        QCOMPARE(meter::gaugeMessage(120000, 16384, 128000),
                 QStringLiteral(
                     "Too long: prompt 120,000 + max output 16,384 = 136,384, over the 128,000-token window. "
                     "Lower max tokens or shorten the prompt."));
        QCOMPARE(meter::gaugeMessage(130000, 0, 128000),
                 QStringLiteral(
                     "Too long: the prompt alone is 2,000 tokens over the 128,000-token context window."));
        QVERIFY(meter::gaugeMessage(90000, 0, 100000).startsWith(QStringLiteral("The prompt fills 90%")));
    }

    void countLabels()
    {
        QCOMPARE(meter::countText(1234), QStringLiteral("1,234 tokens"));
        QCOMPARE(meter::countText(1), QStringLiteral("1 token"));
        TokenCount exact{.tokens = 10, .exact = true, .method = "o200k_base", .overheadTokens = 7};
        QCOMPARE(meter::qualifier(exact), QStringLiteral("exact (o200k_base)"));
        QVERIFY(meter::countTooltip(exact).contains(QStringLiteral("7 of these are message framing")));
        TokenCount estimate{.tokens = 10, .exact = false, .method = "cl100k_base x 1.10"};
        QCOMPARE(meter::qualifier(estimate), QStringLiteral("estimate"));
        QVERIFY(meter::countTooltip(estimate).contains(QStringLiteral("cl100k_base x 1.10")));
    }

    void outputReserve()
    {
        const ModelInfo m = priced(1, 2, 8192);
        QCOMPARE(meter::outputReserve(&m, 500), std::optional<std::int64_t>(500)); // the form's cap wins
        QCOMPARE(meter::outputReserve(&m, std::nullopt), std::optional<std::int64_t>(8192));
        const ModelInfo unlimited = priced(1, 2, 0);
        QVERIFY(!meter::outputReserve(&unlimited, std::nullopt));
        QVERIFY(!meter::outputReserve(nullptr, std::nullopt));
    }

    void costRangeForAKnownModel()
    {
        const ModelInfo m = priced(0.15, 0.60, 16384);
        const auto r = meter::costRange(QStringLiteral("test-model"), &m, 2000, 16384);
        QVERIFY(r.priced);
        QCOMPARE(r.text,
                 QStringLiteral("$0.0003 in + $0 – $0.0098 out")); // 2,000 × $0.15/M; 16,384 × $0.60/M
        QVERIFY(r.tooltip().contains(QStringLiteral("Input (uncached)")));
        QVERIFY(r.tooltip().contains(QStringLiteral("16,384")));
    }

    void costRangeFromTheCatalog()
    {
        const auto catalog = Catalog::current();
        const ModelInfo* m = catalog->find("gpt-4o-mini");
        QVERIFY(m && m->prices.input && m->prices.output);
        const auto r = meter::costRange(QStringLiteral("gpt-4o-mini"), m, 50'000, 2'000);
        const double in = 50'000 * m->prices.input->perMTokAt(50'000) / 1e6;
        const double out = 2'000 * m->prices.output->perMTokAt(50'000) / 1e6;
        QCOMPARE(r.text, format::cost(in) + QStringLiteral(" in + $0 – ") + format::cost(out) +
                             QStringLiteral(" out"));
    }

    void costRangeIsTierAware()
    {
        ModelInfo m = priced(1.25, 10, 0);
        m.prices.input->tiers = {{200'000, 2.50}};
        m.prices.output->tiers = {{200'000, 15}};
        const auto below = meter::costRange(QStringLiteral("t"), &m, 100'000, 1'000'000);
        const auto above = meter::costRange(QStringLiteral("t"), &m, 300'000, 1'000'000);
        QCOMPARE(below.input, 0.125);
        QCOMPARE(above.input, 0.75);
        QCOMPARE(below.outputMax, 10.0);
        QCOMPARE(above.outputMax, 15.0);
    }

    void costRangeSaysWhatIsMissing()
    {
        const auto unknown = meter::costRange(QStringLiteral("my-finetune"), nullptr, 100, 100);
        QVERIFY(!unknown.priced);
        QCOMPARE(unknown.text, QStringLiteral("“my-finetune” is not in the catalog: no price"));
        ModelInfo noPrice = priced(1, 1, 100);
        noPrice.prices = {};
        QCOMPARE(meter::costRange(QStringLiteral("x"), &noPrice, 100, 100).text,
                 QStringLiteral("no price for this model in the catalog"));
        const ModelInfo unlimited = priced(1, 2, 0);
        const auto r = meter::costRange(QStringLiteral("x"), &unlimited, 1'000'000, std::nullopt);
        QCOMPARE(r.text, QStringLiteral("$1.00 in + output unpriced: no output limit known"));
    }

    void meterShowsCountGaugeAndCost()
    {
        TokenMeter meter;
        QCOMPARE(meter.qualifierText(), QStringLiteral("counting…"));
        PromptCount c{QStringLiteral("gpt-4o-mini"), std::nullopt,
                      TokenCount{.tokens = 120'000, .exact = true, .method = "o200k_base"}};
        meter.setCount(c);
        QCOMPARE(meter.countText(), QStringLiteral("120,000 tokens"));
        QCOMPARE(meter.qualifierText(), QStringLiteral("exact (o200k_base)"));
        const ModelInfo* info = Catalog::current()->find("gpt-4o-mini");
        QVERIFY(info);
        QCOMPARE(meter.gauge()->state(),
                 meter::gaugeState(120'000, info->maxOutputTokens, info->contextWindow));
        QVERIFY(meter.costText().contains(QStringLiteral(" in + $0 – ")));
        c.maxTokens = 100; // a small cap makes it fit
        meter.setCount(c);
        QCOMPARE(meter.gauge()->state(), meter::gaugeState(120'000, 100, info->contextWindow));
        meter.setCounting();
        QCOMPARE(meter.qualifierText(), QStringLiteral("counting…"));
        QCOMPARE(meter.countText(),
                 QStringLiteral("120,000 tokens")); // the last count stays until the new one lands
    }
};

QTEST_MAIN(TestPlaygroundMeter)
#include "test_playground_meter.moc"
