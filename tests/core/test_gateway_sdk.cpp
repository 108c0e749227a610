// The gateway through the official `openai` and `@anthropic-ai/sdk` npm clients (tests/js), against
// mock upstreams: streaming and not, and the traces the requests leave.
#include "gateway_test_rig.h"
#include "mock_anthropic_scenarios.h"
#include "mock_openai_scenarios.h"
#include "qtest_std_string.h"
#include "test_env.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

using nlohmann::json;
using ts::test::GatewayRig;
namespace mock = ts::test::mock;
namespace amock = ts::test::anthropic_mock;

namespace {

QString jsDir() { return QDir::cleanPath(QString::fromStdString(ts::test::dataDir()) + QStringLiteral("/../js")); }

// Runs `node tests/js/SCRIPT BASE MODEL` and parses what it prints; fails the test on any problem.
json runNode(const QString& script, const std::string& base, const std::string& model)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        qFatal("node is not on PATH: install the nodejs package (scripts/install-deps.sh)");
    if (!QFileInfo::exists(jsDir() + QStringLiteral("/node_modules/openai")) ||
        !QFileInfo::exists(jsDir() + QStringLiteral("/node_modules/@anthropic-ai/sdk")))
        qFatal("tests/js/node_modules is missing: run `npm ci --prefix tests/js` (scripts/test.sh does)");
    QProcess process;
    process.setWorkingDirectory(jsDir());
    process.start(node, {jsDir() + QLatin1Char('/') + script, QString::fromStdString(base), QString::fromStdString(model)});
    if (!process.waitForFinished(60'000))
        qFatal("node %s did not finish", qPrintable(script));
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("node %s failed (%d): %s", qPrintable(script), process.exitCode(), process.readAllStandardError().constData());
    return json::parse(out.toStdString());
}

} // namespace

class TestGatewaySdk : public QObject
{
    Q_OBJECT

private slots:
    void openAIClient()
    {
        GatewayRig rig;
        QCOMPARE(rig.startError, std::string());
        const json r = runNode(QStringLiteral("openai_chat.mjs"), rig.base(), "mock-usage");
        QCOMPARE(r["plain"]["text"].get<std::string>(), std::string(mock::kText));
        QCOMPARE(r["plain"]["finish"].get<std::string>(), std::string("stop"));
        QCOMPARE(r["plain"]["usage"]["prompt_tokens"].get<std::int64_t>(), mock::kPromptTokens);
        QCOMPARE(r["plain"]["usage"]["prompt_tokens_details"]["cached_tokens"].get<std::int64_t>(), mock::kCachedTokens);
        QCOMPARE(r["stream"]["text"].get<std::string>(), std::string(mock::kText));
        QCOMPARE(r["stream"]["finish"].get<std::string>(), std::string("stop"));
        QCOMPARE(r["streamWithUsage"]["text"].get<std::string>(), std::string(mock::kText));
        QCOMPARE(r["streamWithUsage"]["usage"]["completion_tokens"].get<std::int64_t>(), mock::kCompletionTokens);

        const auto traces = rig.traces(3);
        QCOMPARE(traces.size(), std::size_t(3));
        for (const ts::Trace& t : traces) {
            QCOMPARE(t.summary.source, std::string("gateway"));
            QCOMPARE(t.summary.status, std::string("ok"));
            QCOMPARE(t.summary.session, std::string("sdk-session"));
            QCOMPARE(t.summary.tags, std::string("sdk,openai"));
            QCOMPARE(t.summary.inputTokens, mock::kPromptTokens);
        }
        QCOMPARE(traces[0].summary.user, std::string("sdk-user")); // the header wins over the body's user
    }

    void anthropicClient()
    {
        GatewayRig rig;
        const json r = runNode(QStringLiteral("anthropic_messages.mjs"), rig.base(), "claude-test");
        QCOMPARE(r["plain"]["text"].get<std::string>(), std::string(amock::kText));
        QCOMPARE(r["plain"]["stop"].get<std::string>(), std::string("end_turn"));
        QCOMPARE(r["plain"]["usage"]["input_tokens"].get<std::int64_t>(), amock::kInputTokens);
        QCOMPARE(r["stream"]["text"].get<std::string>(), std::string(amock::kText));
        QCOMPARE(r["stream"]["finalText"].get<std::string>(), std::string(amock::kText));
        QCOMPARE(r["stream"]["stop"].get<std::string>(), std::string("end_turn"));
        QCOMPARE(r["stream"]["usage"]["output_tokens"].get<std::int64_t>(), amock::kOutputTokens);
        QCOMPARE(r["stream"]["usage"]["input_tokens"].get<std::int64_t>(), amock::kInputTokens);

        const auto traces = rig.traces(2);
        QCOMPARE(traces.size(), std::size_t(2));
        for (const ts::Trace& t : traces) {
            QCOMPARE(t.summary.source, std::string("gateway"));
            QCOMPARE(t.summary.status, std::string("ok"));
            QCOMPARE(t.summary.tags, std::string("sdk,anthropic"));
            QCOMPARE(t.summary.outputTokens, amock::kOutputTokens);
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewaySdk)
#include "test_gateway_sdk.moc"
