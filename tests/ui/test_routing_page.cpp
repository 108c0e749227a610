// Settings › Routing: live validation with errors by path (and the cursor taken there), the
// summary naming keys but never showing them, Save writing the file atomically (a file with
// problems saved with a warning, never applied), Apply swapping router and governor on the
// pipeline, and the listen address's warning off loopback.
#include "gateway/config_editor.h"
#include "gateway/config_summary.h"
#include "gateway/gateway_controller.h"
#include "gateway/governor_status.h"
#include "gateway/listen_field.h"
#include "gateway/pipeline.h"
#include "providers/simulated.h"
#include "settings/routing_page.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

constexpr int kWaitMs = 10'000;
const QString kSecret = u"tsk-do-not-show-me-0123456789"_s;

QString configFor(const QString& fastModel)
{
    return uR"({
  "routes": [
    {"name": "fast", "deployments": [{"provider": "simulated", "model": "%1", "rpm": 60}]},
    {"name": "smart", "strategy": "fallback", "deployments": [
      {"provider": "simulated", "model": "gpt-4o"},
      {"provider": "simulated", "model": "claude-sonnet-4"}
    ]}
  ],
  "tiers": [{"route": "smart", "to": "fast", "max_input_tokens": 500}],
  "budgets": [
    {"scope": "key", "name": "team-search", "period": "day", "usd": 5},
    {"scope": "project", "name": "search", "period": "month", "usd": 100}
  ],
  "keys": [{"name": "team-search", "key": "%2", "project": "search", "rpm": 30}]
}
)"_s.arg(fastModel, kSecret);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ino_t inodeOf(const QString& path)
{
    struct stat st{};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestRoutingPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        path_ = dir_->filePath(u"tokenscope/gateway.json"_s);
        SimulatedConfig sim;
        sim.profiles["gpt-4o-mini"] = {5, 5000};
        sim.profiles["claude-3-5-haiku"] = {5, 5000};
        auto registry = std::make_shared<ProviderRegistry>();
        registry->add(std::make_shared<SimulatedProvider>(sim));
        pipeline_ = std::make_shared<Pipeline>(registry, [](Trace) {});
        GatewaySetup setup;
        setup.pipeline = pipeline_;
        controller_ = std::make_unique<GatewayController>(setup);
    }

    void cleanup()
    {
        controller_.reset();
        pipeline_.reset();
    }

    void noFileShowsAnExampleNotApplied()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        QVERIFY(page.editor()->result().ok());
        QVERIFY(page.message().contains(u"No config file yet"_s));
        QVERIFY(!controller_->config());
        QVERIFY(!QFile::exists(path_));
    }

    void invalidJsonIsShownWithItsPlace()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        page.editor()->edit()->setPlainText(u"{\n  \"routes\": [\n    {\"name\": \"a\",, }\n  ]\n}"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page.editor()->errorList()->count(), 1, kWaitMs); // after the typing pause
        const QString error = page.editor()->errorList()->item(0)->text();
        QVERIFY2(error.startsWith(u"not valid JSON"_s) && error.contains(u"line 3"_s), qPrintable(error));
        QVERIFY(!page.applyButton()->isEnabled());
        page.editor()->goToError(0);
        QCOMPARE(page.editor()->edit()->textCursor().blockNumber(), 2); // line 3
        QVERIFY(page.summary()->allText().join(u'\n').contains(u"Fix the problems"_s));
    }

    void pathErrorsAreListedAndLeadToTheirPlace()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        QString text = configFor(u"gpt-4o-mini"_s);
        text.replace(u"{\"provider\": \"simulated\", \"model\": \"claude-sonnet-4\"}"_s,
                     u"{\"provider\": \"simulated\", \"model\": \"claude-sonnet-4\", \"weight\": 0}"_s);
        page.editor()->setText(text);
        QStringList errors;
        for (int i = 0; i < page.editor()->errorList()->count(); ++i)
            errors << page.editor()->errorList()->item(i)->text();
        QCOMPARE(errors, QStringList{u"routes[1].deployments[1].weight: must be above 0"_s});
        page.editor()->goToError(0);
        const int at = page.editor()->edit()->textCursor().position();
        QVERIFY2(text.mid(at).startsWith(u"\"weight\": 0"_s), qPrintable(text.mid(at, 30)));
        QVERIFY(at > text.indexOf(u"claude-sonnet-4"_s)); // the second deployment's, not another
        page.apply();
        QVERIFY(!controller_->config()); // never applied
        QVERIFY(page.message().startsWith(u"Not applied"_s));
    }

    void summaryNamesKeysButNeverShowsThem()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        page.editor()->setText(configFor(u"gpt-4o-mini"_s));
        QVERIFY(page.editor()->result().ok());
        const QString summary = page.summary()->allText().join(u'\n');
        for (const QString& expected : {u"fast"_s, u"smart"_s, u"priority"_s, u"1. simulated/gpt-4o"_s,
                                        u"2. simulated/claude-sonnet-4"_s, u"smart → fast"_s, u"team-search"_s,
                                        u"project search"_s, u"$5.00 a day"_s, u"$100.00 a month"_s})
            QVERIFY2(summary.contains(expected), qPrintable(expected + u" missing from:\n"_s + summary));
        QVERIFY(!summary.contains(kSecret));
        QVERIFY(!summary.contains(u"tsk-"_s));
        page.apply();
        const QString status = page.status()->allText().join(u'\n');
        QVERIFY2(status.contains(u"key team-search"_s) && status.contains(u"closed"_s), qPrintable(status));
        QVERIFY(status.contains(u"of $5.00"_s));
        QVERIFY(!status.contains(kSecret));
    }

    void saveIsAtomicAndWarnsAboutProblems()
    {
        QVERIFY(QDir().mkpath(QFileInfo(path_).absolutePath()));
        {
            QFile old(path_);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("{\"routes\": []}\n");
        }
        const ino_t before = inodeOf(path_);
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        QSignalSpy saved(&page, &RoutingPage::saved);
        page.editor()->setText(configFor(u"gpt-4o-mini"_s));
        page.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QCOMPARE(saved.at(0).at(0).toString(), QString());
        QCOMPARE(QString::fromUtf8(readAll(path_)), configFor(u"gpt-4o-mini"_s));
        QVERIFY(inodeOf(path_) != before); // replaced by a complete new file, never written over
        QCOMPARE(QDir(QFileInfo(path_).absolutePath()).entryList(QDir::Files), QStringList{u"gateway.json"_s});
        QVERIFY(page.message().startsWith(u"Saved to"_s));

        const auto applied = controller_->config();
        page.editor()->setText(u"{\"routes\": [{\"name\": \"x\"}]}"_s);
        page.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, kWaitMs);
        QVERIFY(page.message().contains(u"not applied"_s));
        QCOMPARE(QString::fromUtf8(readAll(path_)), u"{\"routes\": [{\"name\": \"x\"}]}\n"_s);
        QCOMPARE(controller_->config(), applied); // saving never applies
    }

    void validFileIsAppliedWhenFirstRead()
    {
        QVERIFY(QDir().mkpath(QFileInfo(path_).absolutePath()));
        QFile file(path_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(configFor(u"gpt-4o-mini"_s).toUtf8());
        file.close();
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(controller_->config() != nullptr, kWaitMs);
        QCOMPARE(controller_->config()->routes.size(), std::size_t(2));
        QCOMPARE(pipeline_->governor(), controller_->governor());
    }

    void applySwapsRouterAndGovernor()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        QVERIFY(!run(u"fast"_s).ok()); // no route yet: no provider serves "fast"

        page.editor()->setText(configFor(u"gpt-4o-mini"_s));
        page.apply();
        QVERIFY(page.message().startsWith(u"Applied"_s));
        const auto first = controller_->governor();
        QVERIFY(first);
        QCOMPARE(pipeline_->governor(), first);
        auto result = run(u"fast"_s);
        QVERIFY2(result.ok(), result.error.message.c_str());
        QCOMPARE(result.response.model, std::string("gpt-4o-mini"));

        page.editor()->setText(configFor(u"claude-3-5-haiku"_s));
        page.apply();
        QVERIFY(controller_->governor() != first);
        QCOMPARE(pipeline_->governor(), controller_->governor());
        result = run(u"fast"_s);
        QVERIFY2(result.ok(), result.error.message.c_str());
        QCOMPARE(result.response.model, std::string("claude-3-5-haiku"));
    }

    void offLoopbackWithoutKeysIsExplained()
    {
        RoutingPage page(controller_.get(), path_);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        page.listen()->edit()->setText(u"0.0.0.0:4141"_s);
        QVERIFY2(page.listen()->note().contains(u"virtual key"_s), qPrintable(page.listen()->note()));
        page.editor()->setText(configFor(u"gpt-4o-mini"_s));
        page.apply(); // now there are keys
        QVERIFY2(!page.listen()->note().contains(u"virtual key"_s), qPrintable(page.listen()->note()));
        page.listen()->edit()->setText(u"nonsense"_s);
        QVERIFY(page.listen()->note().startsWith(u"Not an address"_s));
    }

private:
    PipelineResult run(const QString& model)
    {
        ChatRequest request;
        request.model = model.toStdString();
        request.maxTokens = 8;
        request.stream = false;
        request.messages.push_back({Role::User, "Hello"});
        return pipeline_->run(request);
    }

    std::unique_ptr<QTemporaryDir> dir_;
    QString path_;
    std::shared_ptr<Pipeline> pipeline_;
    std::unique_ptr<GatewayController> controller_;
};

QTEST_MAIN(TestRoutingPage)
#include "test_routing_page.moc"
