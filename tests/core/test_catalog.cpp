// The model catalog: the shipped snapshot's prices, id resolution, suggestions, and the user's
// override file (field-level changes, new models, errors with their lines, re-reading).
#include "catalog/catalog.h"
#include "catalog/catalog_error.h"
#include "qtest_std_string.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace ts;

namespace {

const ModelInfo& shipped(const char* id)
{
    const ModelInfo* m = Catalog::builtin().find(id);
    if (!m)
        qFatal("%s is not in the shipped catalog", id);
    return *m;
}

std::optional<TieredPrice> priceNamed(const Prices& p, const QString& name)
{
    if (name == QLatin1String("input"))
        return p.input;
    if (name == QLatin1String("cachedInput"))
        return p.cachedInput;
    if (name == QLatin1String("cacheWrite5m"))
        return p.cacheWrite5m;
    if (name == QLatin1String("cacheWrite1h"))
        return p.cacheWrite1h;
    if (name == QLatin1String("output"))
        return p.output;
    return p.reasoning;
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(text), text.size());
}

// Three entries, one per line from line 2; the middle one has a bad price.
constexpr const char* kOneBadEntry = "{\"models\": [\n"
                                     "  {\"id\": \"gpt-4o\", \"prices\": {\"output\": 9}},\n"
                                     "  {\"id\": \"gpt-4o-mini\", \"prices\": {\"input\": \"abc\"}},\n"
                                     "  {\"id\": \"house-model\", \"provider\": \"acme\",\n"
                                     "   \"prices\": {\"input\": 1, \"output\": 2}}\n"
                                     "]}\n";

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

  private slots:
    void shippedCatalogParses()
    {
        const Catalog& c = Catalog::builtin();
        QVERIFY(c.issues().empty());
        QVERIFY(c.models().size() > 100);
        QVERIFY(c.snapshotSource().starts_with("@pydantic/genai-prices 0.1.8 (MIT), 20"));
    }

    void listPrices_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("price");
        QTest::addColumn<qint64>("requestInput");
        QTest::addColumn<double>("perMTok");
        const auto row = [](const char* model, const char* price, qint64 input, double expected) {
            QTest::addRow("%s %s %lld", model, price, static_cast<long long>(input))
                << QString::fromLatin1(model) << QString::fromLatin1(price) << input << expected;
        };
        row("gpt-4o", "input", 1000, 2.5);
        row("gpt-4o", "cachedInput", 1000, 1.25);
        row("gpt-4o", "output", 1000, 10);
        row("gpt-4o-mini", "input", 1000, 0.15);
        row("gpt-4o-mini", "cachedInput", 1000, 0.075);
        row("gpt-4o-mini", "output", 1000, 0.6);
        row("claude-sonnet-4", "input", 1000, 3);
        row("claude-sonnet-4", "output", 1000, 15);
        row("claude-sonnet-4", "cachedInput", 1000, 0.3);
        row("claude-sonnet-4", "cacheWrite5m", 1000, 3.75);
        row("claude-sonnet-4", "cacheWrite1h", 1000, 6);
        row("claude-sonnet-4-5", "input", 300'000, 6);
        row("claude-opus-4-1", "input", 1000, 15);
        row("claude-opus-4-1", "output", 1000, 75);
        row("claude-haiku-4-5", "input", 1000, 1);
        row("claude-haiku-4-5", "output", 1000, 5);
        row("gemini-2.5-pro", "input", 1000, 1.25);
        row("gemini-2.5-pro", "input", 300'000, 2.5);
        row("gemini-2.5-pro", "output", 200'000, 10);
        row("gemini-2.5-pro", "output", 200'001, 15);
        row("gemini-2.5-flash", "input", 1000, 0.3);
        row("gemini-2.5-flash", "output", 1000, 2.5);
        row("llama3.1:8b", "output", 1000, 0);
    }

    void listPrices()
    {
        QFETCH(QString, model);
        QFETCH(QString, price);
        QFETCH(qint64, requestInput);
        QFETCH(double, perMTok);
        const auto p = priceNamed(shipped(model.toUtf8().constData()).prices, price);
        QVERIFY(p);
        QCOMPARE(p->perMTokAt(requestInput), perMTok);
    }

    void batchAndLimits()
    {
        QCOMPARE(shipped("gpt-4o").prices.batchDiscount, 0.5);
        QCOMPARE(shipped("claude-sonnet-4").prices.batchDiscount, 0.5);
        QCOMPARE(shipped("gemini-2.5-pro").prices.batchDiscount, 0.5);
        QCOMPARE(shipped("gpt-4o").maxOutputTokens, std::int64_t{16'384});
        QCOMPARE(shipped("gpt-4o").contextWindow, std::int64_t{128'000});
        QCOMPARE(shipped("gpt-4o").tokenizer, std::string("o200k_base"));
        QCOMPARE(shipped("claude-sonnet-4").tokenizer, std::string("estimate:claude"));
        QVERIFY(shipped("llama3.1:8b").free());
    }

    void everyEntryHasItsSource()
    {
        for (const ModelInfo& m : Catalog::builtin().models()) {
            QVERIFY2(!m.source.empty(), m.id.c_str());
            QVERIFY2(m.sourceDate.size() == 10, m.id.c_str());
            QVERIFY2(!m.provider.empty() && !m.tokenizer.empty(), m.id.c_str());
            QCOMPARE(m.origin, std::string("shipped"));
        }
    }

    void resolves_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expectedProvider");
        const auto row = [](const char* query, const char* provider, const char* id,
                            const char* expectedProvider) {
            QTest::addRow("%s @%s", query, provider)
                << QString::fromUtf8(query) << QString::fromUtf8(provider) << QString::fromUtf8(id)
                << QString::fromUtf8(expectedProvider);
        };
        row("gpt-4o", "", "gpt-4o", "openai");
        row("GPT-4o", "", "gpt-4o", "openai");
        row("gpt-4o-2024-08-06", "", "gpt-4o", "openai");
        row("gpt-4o-mini-2024-07-18", "", "gpt-4o-mini", "openai");
        row("gpt-4.1-mini-2025-04-14", "", "gpt-4.1-mini", "openai");
        row("claude-sonnet-4-20250514", "", "claude-sonnet-4-0", "anthropic");
        row("claude-3-5-haiku-20241022", "", "claude-3-5-haiku-latest", "anthropic");
        row("claude-opus-4-5-20251101", "", "claude-opus-4-5", "anthropic");
        row("gemini-2.5-pro-preview-06-05", "", "gemini-2.5-pro", "google");
        row("openai/gpt-4o", "", "gpt-4o", "openai");
        row("anthropic/claude-sonnet-4-5", "", "claude-sonnet-4-5", "anthropic");
        row("x-ai/grok-3", "", "grok-3", "xai");
        row("gemini/gemini-2.5-flash", "", "gemini-2.5-flash", "google");
        row("openai/gpt-oss-120b", "", "openai/gpt-oss-120b", "groq"); // Groq's own id for it
        row("gpt-oss-120b", "", "gpt-oss-120b", "openai");
        row("llama3.1:8b", "", "llama3.1:8b", "local");
        row("qwen2.5:14b", "ollama", "qwen2.5", "local");
        row("mistral:latest", "", "mistral", "local");
        row("mistral-large-latest", "", "mistral-large", "mistral");
        row("no-such-model", "", "", "");
        row("anthropic/gpt-4o", "", "", "");
    }

    void resolves()
    {
        QFETCH(QString, query);
        QFETCH(QString, provider);
        QFETCH(QString, id);
        QFETCH(QString, expectedProvider);
        const ModelInfo* m = Catalog::builtin().find(query.toStdString(), provider.toStdString());
        QCOMPARE(m ? QString::fromStdString(m->id) : QString(), id);
        QCOMPARE(m ? QString::fromStdString(m->provider) : QString(), expectedProvider);
    }

    void preferredProviderWins()
    {
        const ModelInfo* m = Catalog::builtin().find("llama-3.3-70b-versatile", "groq");
        QVERIFY(m);
        QCOMPARE(m->provider, std::string("groq"));
    }

    void nearestSuggestsCloseIds()
    {
        const std::vector<std::string> near = Catalog::builtin().nearest("gpt-4-o");
        QCOMPARE(near.size(), std::size_t(3));
        QCOMPARE(near.front(), std::string("gpt-4o"));
        const std::vector<std::string> sonnet = Catalog::builtin().nearest("claude-sonet-4");
        QVERIFY(std::find(sonnet.begin(), sonnet.end(), "claude-sonnet-4-0") != sonnet.end());
        QCOMPARE(Catalog::builtin().nearest("gpt-4-o"), near); // deterministic
    }

    void fromJsonReportsTheLine()
    {
        const char* doc = "{\"format\": 1, \"models\": [\n"
                          "  {\"id\": \"a\", \"provider\": \"p\", \"prices\": {\"input\": 1}},\n"
                          "  {\"id\": \"b\", \"provider\": \"p\", \"contextWindow\": -5}\n"
                          "]}";
        try {
            Catalog::fromJson(doc, "models.json");
            QFAIL("no CatalogError");
        } catch (const CatalogError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("models.json:3: models[1].contextWindow must be a whole "
                                 "number ≥ 0 (got -5)"));
        }
        QVERIFY_THROWS_EXCEPTION(CatalogError,
                                 Catalog::fromJson("{\"format\": 1,\n \"models\": [}", "x.json"));
    }

    void overrideReplacesOnlyTheFieldsGiven()
    {
        const Catalog c = Catalog::builtin().withOverrides(
            R"({"models": [{"id": "gpt-4o", "prices": {"input": 2.0}, "maxOutputTokens": 8000}]})",
            "ov.json");
        QVERIFY(c.issues().empty());
        const ModelInfo* m = c.find("gpt-4o");
        QVERIFY(m);
        QCOMPARE(m->prices.input->basePerMTok, 2.0);
        QCOMPARE(m->prices.output->basePerMTok, 10.0);
        QCOMPARE(m->prices.cachedInput->basePerMTok, 1.25);
        QCOMPARE(m->maxOutputTokens, std::int64_t{8000});
        QCOMPARE(m->contextWindow, std::int64_t{128'000});
        QCOMPARE(m->origin, std::string("ov.json"));
        QCOMPARE(m->source, std::string("ov.json"));
        QCOMPARE(c.find("gpt-4o-2024-08-06"), m); // the match rules stay
        QCOMPARE(shipped("gpt-4o").prices.input->basePerMTok, 2.5);
        QCOMPARE(c.models().size(), Catalog::builtin().models().size());
    }

    void overrideAddsAModel()
    {
        const Catalog c = Catalog::builtin().withOverrides(
            R"({"models": [{"id": "house-llm", "provider": "Acme", "prices": {"input": 0.5, "output": 1.5},
                            "prefixes": ["house-llm-"], "tokenizer": "estimate:llama"}]})",
            "ov.json");
        QVERIFY(c.issues().empty());
        const ModelInfo* m = c.find("house-llm-v2");
        QVERIFY(m);
        QCOMPARE(m->id, std::string("house-llm"));
        QCOMPARE(m->provider, std::string("acme"));
        QCOMPARE(m->prices.output->basePerMTok, 1.5);
        QCOMPARE(c.find("acme/house-llm"), m);
    }

    void newModelNeedsInputAndOutputPrices()
    {
        const Catalog c = Catalog::builtin().withOverrides(
            "{\"models\": [\n  {\"id\": \"half-priced\", \"prices\": {\"input\": 1}}\n]}", "ov.json");
        QCOMPARE(c.issues().size(), std::size_t(1));
        QCOMPARE(c.issues()[0].line, 2);
        QCOMPARE(c.issues()[0].message,
                 std::string("models[0] (half-priced) needs prices.input and prices.output"));
        QVERIFY(!c.find("half-priced"));
    }

    void malformedJsonLeavesTheShippedCatalog()
    {
        const Catalog c = Catalog::builtin().withOverrides(
            "{\"models\": [\n  {\"id\": \"gpt-4o\", \"prices\": {\"input\": 1}},\n  {\"id\": \"x\",, }\n]}",
            "ov.json");
        QCOMPARE(c.issues().size(), std::size_t(1));
        QCOMPARE(c.issues()[0].file, std::string("ov.json"));
        QCOMPARE(c.issues()[0].line, 3);
        QVERIFY(c.issues()[0].message.starts_with("invalid JSON: "));
        QCOMPARE(c.find("gpt-4o")->prices, shipped("gpt-4o").prices);
    }

    void badEntryIsSkippedWithItsLine()
    {
        const Catalog c = Catalog::builtin().withOverrides(kOneBadEntry, "catalog-overrides.json");
        QCOMPARE(c.issues().size(), std::size_t(1));
        QCOMPARE(describeIssue(c.issues()[0]),
                 std::string(
                     "catalog-overrides.json:3: models[1].prices.input must be a number ≥ 0 (got \"abc\")"));
        QCOMPARE(c.find("gpt-4o")->prices.output->basePerMTok, 9.0);
        QCOMPARE(c.find("gpt-4o-mini")->prices, shipped("gpt-4o-mini").prices);
        QVERIFY(c.find("house-model"));
    }

    void badEntries_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* entry, const char* message) {
            QTest::newRow(entry) << QString::fromUtf8(entry) << QString::fromUtf8(message);
        };
        row(R"({"prices": {"input": 1}})", "models[0] has no id");
        row(R"({"id": 7})", "models[0].id must be a model id (got 7)");
        row(R"("gpt-4o")", "models[0] must be an object (got \"gpt-4o\")");
        row(R"({"id": "gpt-4o", "prices": {"input": -1}})",
            "models[0].prices.input must be a number ≥ 0 (got -1)");
        row(R"({"id": "gpt-4o", "prices": {"inptu": 1}})",
            "models[0].prices: unknown price \"inptu\" (known: input, cachedInput, cacheWrite5m, "
            "cacheWrite1h, "
            "output, reasoning)");
        row(R"({"id": "gpt-4o", "contextWindow": "big"})",
            "models[0].contextWindow must be a whole number ≥ 0 (got \"big\")");
        row("{\"id\": \"gpt-4o\", \"patterns\": [\"gpt-(4\"]}", // moc misreads this one as a raw string
            "models[0].patterns[0] is not a valid regex: missing closing parenthesis at offset 6");
        row(R"({"id": "gpt-4o", "batchDiscount": 2})",
            "models[0].batchDiscount must be a fraction from 0 up to 1 (0.5: half price) (got 2)");
        row(R"({"id": "gpt-4o", "prices": {"input": {"base": 1, "tiers": [{"above": 10, "perMTok": 2},
                                                                            {"above": 5, "perMTok": 3}]}}})",
            "models[0].prices.input.tiers[1].above must be larger than the tier before it");
    }

    void badEntries()
    {
        QFETCH(QString, entry);
        QFETCH(QString, message);
        const Catalog c =
            Catalog::builtin().withOverrides("{\"models\": [" + entry.toStdString() + "]}", "ov.json");
        QCOMPARE(c.issues().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(c.issues()[0].message), message);
        QCOMPARE(c.find("gpt-4o")->prices, shipped("gpt-4o").prices);
    }

    void tieredOverride()
    {
        const Catalog c = Catalog::builtin().withOverrides(
            R"({"models": [{"id": "gpt-4o", "prices": {"input": {"base": 2, "tiers": [{"above": 1000, "perMTok": 4}]},
                                                       "cachedInput": null}}]})",
            "ov.json");
        QVERIFY(c.issues().empty());
        const ModelInfo* m = c.find("gpt-4o");
        QCOMPARE(m->prices.input->perMTokAt(1000), 2.0);
        QCOMPARE(m->prices.input->perMTokAt(1001), 4.0);
        QVERIFY(!m->prices.cachedInput);
    }

    void currentFollowsTheOverrideFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("catalog-overrides.json"));
        qputenv("TOKENSCOPE_CATALOG_OVERRIDES", path.toUtf8());
        QCOMPARE(overridesPath(), path.toStdString());

        auto c = Catalog::current();
        QCOMPARE(c->find("gpt-4o")->prices.input->basePerMTok, 2.5);
        QVERIFY(Catalog::current() == c); // unchanged: the same snapshot

        writeFile(path, R"({"models": [{"id": "gpt-4o", "prices": {"input": 3}}]})");
        c = Catalog::current();
        QCOMPARE(c->find("gpt-4o")->prices.input->basePerMTok, 3.0);
        QCOMPARE(c->find("gpt-4o")->origin, path.toStdString());

        writeFile(path, R"({"models": [{"id": "gpt-4o", "prices": {"input": 3.75}}]})");
        QCOMPARE(Catalog::current()->find("gpt-4o")->prices.input->basePerMTok, 3.75);

        writeFile(path, "{\"models\": [\n  {\"id\": \"gpt-4o\"\n");
        c = Catalog::current();
        QCOMPARE(c->issues().size(), std::size_t(1));
        QCOMPARE(c->issues()[0].line, 3);
        QCOMPARE(c->find("gpt-4o")->prices.input->basePerMTok, 2.5);

        QVERIFY(QFile::remove(path));
        QVERIFY(Catalog::current()->issues().empty());
        qunsetenv("TOKENSCOPE_CATALOG_OVERRIDES");
    }

    void overridesPathFollowsXdg()
    {
        const QByteArray home = qgetenv("HOME");
        qunsetenv("TOKENSCOPE_CATALOG_OVERRIDES");
        qputenv("XDG_CONFIG_HOME", "/tmp/xdg-config");
        QCOMPARE(overridesPath(), std::string("/tmp/xdg-config/tokenscope/catalog-overrides.json"));
        qunsetenv("XDG_CONFIG_HOME");
        qputenv("HOME", "/home/ada");
        QCOMPARE(overridesPath(), std::string("/home/ada/.config/tokenscope/catalog-overrides.json"));
        qputenv("HOME", home);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
