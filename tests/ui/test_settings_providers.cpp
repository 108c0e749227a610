// Settings › Providers: the editor, validation, saving (profile to the file, key to the key store),
// connection tests against the mock OpenAI server, and keys never reaching the file or the traces.
#include "compare/compare_session.h"
#include "mock_model_lists.h"
#include "mock_openai_server.h"
#include "settings/connection_bar.h"
#include "settings/connection_test.h"
#include "settings/key_field.h"
#include "settings/models_box.h"
#include "settings/provider_config.h"
#include "settings/provider_editor.h"
#include "settings/provider_list_model.h"
#include "settings/settings_panel.h"
#include "settings/providers_page.h"
#include "compare/compare_panel.h"
#include "playground/playground_panel.h"
#include "shell/main_window.h"
#include "trace/store.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <map>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

constexpr int kWaitMs = 10'000;

// An in-memory key store that answers on the next event-loop pass, like the real one; or, with
// noService, as a machine without a Secret Service does.
class MemoryKeyStore final : public KeyStore
{
public:
    std::map<QString, QString> keys;
    bool noService = false;

    void read(const QString& id) override
    {
        KeyReply r = reply(id);
        if (r.ok() && keys.contains(id))
            r.key = keys[id];
        later(&KeyStore::readDone, r);
    }
    void write(const QString& id, const QString& key) override
    {
        if (!noService)
            keys[id] = key;
        later(&KeyStore::writeDone, reply(id));
    }
    void remove(const QString& id) override
    {
        if (!noService)
            keys.erase(id);
        later(&KeyStore::removeDone, reply(id));
    }

private:
    KeyReply reply(const QString& id) const
    {
        return noService ? KeyReply{id, {}, u"no keychain service is running"_s, true} : KeyReply{id, {}, {}, false};
    }
    void later(void (KeyStore::*signal)(const KeyReply&), KeyReply r)
    {
        QTimer::singleShot(0, this, [this, signal, r] { Q_EMIT(this->*signal)(r); });
    }
};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Whether any model picker (combo box) under `widget` offers a model of provider `id`.
bool pickerOffers(const QWidget* widget, const QString& id)
{
    for (const QComboBox* box : widget->findChildren<QComboBox*>())
        for (int i = 0; i < box->count(); ++i)
            if (box->itemData(i).toStringList().value(0) == id)
                return true;
    return false;
}

bool offers(const ProviderRegistry& registry, const QString& id)
{
    for (const auto& [provider, models] : modelChoices(registry))
        if (provider == id)
            return true;
    return false;
}

} // namespace

class TestSettingsProviders : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    QString path_;
    std::shared_ptr<Pipeline> pipeline_;
    MemoryKeyStore* keys_ = nullptr;
    std::unique_ptr<ProviderConfig> config_;

    void makeConfig(bool noService = false)
    {
        auto keys = std::make_unique<MemoryKeyStore>();
        keys->noService = noService;
        keys_ = keys.get();
        config_ = std::make_unique<ProviderConfig>(pipeline_, path_, std::move(keys));
    }

    // Fills the editor with a new OpenAI-compatible profile.
    static void fillNew(ProvidersPage& page, const QString& id, const QString& baseUrl, const QString& key)
    {
        page.add();
        ProviderEditor* e = page.editor();
        e->kind()->setCurrentText(u"openai"_s);
        e->id()->setText(id);
        e->baseUrl()->setText(baseUrl);
        if (!key.isEmpty())
            QTest::keyClicks(e->keyField()->input(), key);
    }

    static bool saveAndWait(ProvidersPage& page)
    {
        page.save();
        return QTest::qWaitFor([&] { return page.saveStatus().startsWith(u"Saved"_s); }, kWaitMs);
    }

private Q_SLOTS:
    void init()
    {
        // Environment profiles would make the list depend on the machine.
        for (const char* name : {"OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL",
                                 "GEMINI_API_KEY", "GOOGLE_API_KEY", "OLLAMA_HOST", "AZURE_OPENAI_API_KEY",
                                 "AZURE_OPENAI_ENDPOINT", "GROQ_API_KEY"})
            qunsetenv(name);
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath(u"providers-%1.json"_s.arg(QLatin1String(QTest::currentTestFunction())));
        pipeline_ = std::make_shared<Pipeline>(makeProviders(ProviderProfiles{}, environmentKeys()), [](Trace) {});
        makeConfig();
    }

    void cleanup()
    {
        config_.reset();
        keys_ = nullptr;
    }

    void addingAProfileWritesTheFileAndTheKeySeparately()
    {
        ProvidersPage page(config_.get());
        QSignalSpy rebuilt(config_.get(), &ProviderConfig::providersChanged);
        fillNew(page, u"groq"_s, u"https://api.groq.com/openai/v1"_s, u"gsk-SECRET-0123456789"_s);
        QVERIFY2(page.editor()->problems().isEmpty(), qPrintable(page.editor()->problems().join(u"; "_s)));
        QVERIFY2(saveAndWait(page), qPrintable(page.saveStatus()));

        const QByteArray file = readAll(path_);
        QVERIFY(file.contains("\"groq\""));
        QVERIFY(file.contains("api.groq.com"));
        QVERIFY2(!file.contains("SECRET"), file.constData());
        QCOMPARE(keys_->keys[u"groq"_s], u"gsk-SECRET-0123456789"_s);

        // The list shows it with its key in the keychain, and the pipeline offers its models.
        QTRY_VERIFY_WITH_TIMEOUT(!rebuilt.isEmpty(), kWaitMs);
        const int row = page.model()->rowOf(u"groq"_s);
        QVERIFY(row >= 0);
        QCOMPARE(page.model()->row(row)->keySource, u"keychain"_s);
        QVERIFY(offers(pipeline_->providers(), u"groq"_s));
        // The editor now shows the stored key as set, never its text.
        QCOMPARE(page.editor()->keyField()->statusText(), u"•••• set in keychain"_s);
        QVERIFY(page.editor()->keyField()->input()->text().isEmpty());
        QVERIFY(page.editor()->id()->isReadOnly());
    }

    void storedKeysAreNeverShownBack()
    {
        keys_->keys[u"mine"_s] = u"sk-SHOWN-NEVER-42"_s;
        ProviderProfiles file;
        file.profiles.push_back({"mine", "openai", "", "https://example.invalid/v1"});
        QCOMPARE(file.save(path_.toStdString()), std::string());
        QSignalSpy loaded(config_.get(), &ProviderConfig::keysLoaded);
        config_->reload();
        ProvidersPage page(config_.get());
        QVERIFY(page.loading());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), kWaitMs);
        page.select(u"mine"_s);
        QCOMPARE(page.editor()->keyField()->statusText(), u"•••• set in keychain"_s);
        for (const QLineEdit* edit : page.findChildren<QLineEdit*>())
            QVERIFY2(!edit->text().contains(u"SHOWN"_s), qPrintable(edit->accessibleName()));
        for (const QLabel* label : page.findChildren<QLabel*>())
            QVERIFY(!label->text().contains(u"SHOWN"_s));

        // Replace, then Remove, go to the store on Save.
        page.editor()->keyField()->replaceButton()->click();
        QTest::keyClicks(page.editor()->keyField()->input(), u"sk-new-1"_s);
        QVERIFY(saveAndWait(page));
        QCOMPARE(keys_->keys[u"mine"_s], u"sk-new-1"_s);
        page.editor()->keyField()->removeButton()->click();
        QVERIFY(saveAndWait(page));
        QVERIFY(!keys_->keys.contains(u"mine"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->row(page.model()->rowOf(u"mine"_s))->keySource, u"missing"_s, kWaitMs);
    }

    void validationMessagesShowAndBlockSaving()
    {
        ProvidersPage page(config_.get());
        fillNew(page, u"Not An Id!"_s, u"ftp://example.com"_s, {});
        const QString shown = page.editor()->validation()->text();
        QVERIFY(!shown.isEmpty());
        for (const std::string& problem : validateProfile(page.editor()->profile()))
            QVERIFY2(shown.contains(QString::fromStdString(problem)), qPrintable(shown));
        page.save();
        QVERIFY2(page.saveStatus().startsWith(u"Not saved: "_s), qPrintable(page.saveStatus()));
        QVERIFY(!QFile::exists(path_));
        page.editor()->id()->setText(u"fine"_s);
        page.editor()->baseUrl()->setText(u"http://localhost:8000/v1"_s);
        QVERIFY2(page.editor()->validation()->text().isEmpty(), qPrintable(page.editor()->validation()->text()));
    }

    void azureFieldsOnlyForAzure()
    {
        ProvidersPage page(config_.get());
        page.add();
        QVERIFY(!page.editor()->azureRowsShown());
        page.editor()->kind()->setCurrentText(u"azure"_s);
        QVERIFY(page.editor()->azureRowsShown());
        QCOMPARE(page.editor()->baseUrl()->placeholderText(), QString::fromStdString(defaultBaseUrl("azure")));
        page.editor()->kind()->setCurrentText(u"ollama"_s);
        QVERIFY(!page.editor()->azureRowsShown());
        QCOMPARE(page.editor()->baseUrl()->placeholderText(), QString::fromStdString(defaultBaseUrl("ollama")));
    }

    void testConnectionShowsTheModelCount()
    {
        test::MockOpenAIServer server;
        server.setApiKey("sk-good-key");
        ProvidersPage page(config_.get());
        fillNew(page, u"mock"_s, QString::fromStdString(server.baseUrl()), u"sk-good-key"_s);
        QSignalSpy done(page.connectionTest(), &ConnectionTest::finished);
        page.testConnection();
        QVERIFY(page.connectionBar()->busy());
        QVERIFY(done.wait(kWaitMs));
        const QString status = page.connectionBar()->statusText();
        const QString expected = u"OK · %1 models · "_s.arg(test::listing_mock::kOpenAIModels);
        QVERIFY2(status.startsWith(expected) && status.endsWith(u" ms"_s), qPrintable(status));
        QVERIFY(!page.connectionBar()->busy());
    }

    void listModelsFillsTheModelsList()
    {
        test::MockOpenAIServer server;
        ProvidersPage page(config_.get());
        fillNew(page, u"mock"_s, QString::fromStdString(server.baseUrl()), u"sk-any"_s);
        QSignalSpy done(page.connectionTest(), &ConnectionTest::finished);
        page.editor()->models()->listButton()->click();
        QVERIFY(done.wait(kWaitMs));
        QCOMPARE(page.editor()->models()->models().size(), test::listing_mock::kOpenAIModels);
        QCOMPARE(page.editor()->profile().models.size(), std::size_t(test::listing_mock::kOpenAIModels));
    }

    void aWrongKeyIsSaidInWordsWithoutTheKey()
    {
        test::MockOpenAIServer server;
        server.setApiKey("sk-good-key");
        ProvidersPage page(config_.get());
        fillNew(page, u"mock"_s, QString::fromStdString(server.baseUrl()), u"sk-WRONG-echoed-back"_s);
        QSignalSpy done(page.connectionTest(), &ConnectionTest::finished);
        page.testConnection();
        QVERIFY(done.wait(kWaitMs));
        const QString status = page.connectionBar()->statusText();
        QVERIFY2(status.contains(u"refused the API key"_s), qPrintable(status));
        QVERIFY2(!status.contains(u"WRONG"_s), qPrintable(status)); // the mock echoes the key: it is masked
    }

    void cancelStopsTheTestAtOnce()
    {
        test::MockOpenAIServer server;
        server.setListingMode(test::listing_mock::Mode::Slow);
        ProvidersPage page(config_.get());
        fillNew(page, u"mock"_s, QString::fromStdString(server.baseUrl()), u"sk-any"_s);
        QSignalSpy done(page.connectionTest(), &ConnectionTest::finished);
        page.testConnection();
        QVERIFY(page.connectionTest()->busy());
        QVERIFY(page.connectionBar()->cancelButton()->isVisibleTo(&page));
        page.connectionBar()->cancelButton()->click();
        QCOMPARE(done.count(), 1);
        QVERIFY(done.at(0).at(0).value<ConnectionOutcome>().cancelled);
        QCOMPARE(page.connectionBar()->statusText(), u"Cancelled"_s);
        QVERIFY(!page.connectionBar()->busy());
        // A new test after a cancelled one reports its own result, not the old one's.
        server.setListingMode(test::listing_mock::Mode::Normal);
        page.testConnection();
        QVERIFY(done.wait(kWaitMs));
        QVERIFY2(page.connectionBar()->statusText().startsWith(u"OK · "_s), qPrintable(page.connectionBar()->statusText()));
    }

    void testConnectionUsesTheStoredKey()
    {
        test::MockOpenAIServer server;
        server.setApiKey("sk-stored-key");
        keys_->keys[u"mock"_s] = u"sk-stored-key"_s;
        ProviderProfiles file;
        file.profiles.push_back({"mock", "openai", "", server.baseUrl()});
        QCOMPARE(file.save(path_.toStdString()), std::string());
        QSignalSpy loaded(config_.get(), &ProviderConfig::keysLoaded);
        config_->reload();
        QVERIFY(loaded.wait(kWaitMs));
        ProvidersPage page(config_.get());
        page.select(u"mock"_s);
        QSignalSpy done(page.connectionTest(), &ConnectionTest::finished);
        page.testConnection();
        QVERIFY(done.wait(kWaitMs));
        QVERIFY2(page.connectionBar()->statusText().startsWith(u"OK · "_s), qPrintable(page.connectionBar()->statusText()));
    }

    void withoutAKeychainSaveSaysToUseTheEnvironment()
    {
        makeConfig(/*noService=*/true);
        ProvidersPage page(config_.get());
        fillNew(page, u"openai"_s, {}, u"sk-nowhere"_s);
        page.save();
        QTRY_VERIFY_WITH_TIMEOUT(page.saveStatus().startsWith(u"Saved, but"_s), kWaitMs);
        QCOMPARE(page.saveStatus(),
                 u"Saved, but no keychain service is running: set OPENAI_API_KEY in the environment instead"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!page.loading(), kWaitMs);
        QVERIFY2(page.bannerText().contains(u"no keychain service is running"_s), qPrintable(page.bannerText()));
        QVERIFY(!readAll(path_).contains("sk-nowhere"));
    }

    void environmentProfilesShowTheirVariable()
    {
        qputenv("OPENAI_API_KEY", "sk-from-env");
        makeConfig();
        QSignalSpy loaded(config_.get(), &ProviderConfig::keysLoaded);
        config_->reload();
        QVERIFY(loaded.wait(kWaitMs));
        ProvidersPage page(config_.get());
        const int row = page.model()->rowOf(u"openai"_s);
        QVERIFY(row >= 0);
        QCOMPARE(page.model()->row(row)->keySource, u"environment: OPENAI_API_KEY"_s);
        QVERIFY(!page.model()->index(row, ProviderListModel::Key).data().toString().contains(u"sk-"_s));
        qunsetenv("OPENAI_API_KEY");
    }

    void modelPickersRefreshWhenProvidersChange()
    {
        AppContext context;
        context.store = TraceStore::open(dir_.filePath(u"pickers.tsdb"_s).toStdString(), TraceStore::OpenMode::CreateIfMissing);
        context.pipeline = pipeline_;
        context.providers = std::shared_ptr<ProviderConfig>(config_.release());
        MainWindow window(context);
        QVERIFY(!pickerOffers(window.playground(), u"groq"_s));
        QVERIFY(!pickerOffers(window.compare(), u"groq"_s));
        ProvidersPage* page = window.settings()->providersPage();
        QVERIFY(page);
        fillNew(*page, u"groq"_s, u"https://api.groq.com/openai/v1"_s, u"gsk-picker"_s);
        QVERIFY(saveAndWait(*page));
        QTRY_VERIFY_WITH_TIMEOUT(pickerOffers(window.playground(), u"groq"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(pickerOffers(window.compare(), u"groq"_s), kWaitMs);
        QVERIFY(pickerOffers(window.compare(), u"simulated"_s));
    }

    void keysNeverReachTheFileOrTheTraces()
    {
        const std::string secret = "sk-TRACE-CANARY-7f3a9c";
        test::MockOpenAIServer server;
        server.setApiKey(secret);
        const QString db = dir_.filePath(u"keys.tsdb"_s);
        std::shared_ptr<TraceStore> store = TraceStore::open(db.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        pipeline_ = std::make_shared<Pipeline>(makeProviders(ProviderProfiles{}, environmentKeys()),
                                               [store](Trace t) { store->write(std::move(t)); });
        makeConfig();
        {
            ProvidersPage page(config_.get());
            QSignalSpy rebuilt(config_.get(), &ProviderConfig::providersChanged);
            fillNew(page, u"mock"_s, QString::fromStdString(server.baseUrl()), QString::fromStdString(secret));
            QVERIFY2(saveAndWait(page), qPrintable(page.saveStatus()));
            QTRY_VERIFY_WITH_TIMEOUT(offers(pipeline_->providers(), u"mock"_s), kWaitMs);
        }
        ChatRequest request;
        request.provider = "mock";
        request.model = "mock-usage";
        request.messages = {{Role::User, "hello"}};
        const PipelineResult result = pipeline_->run(request);
        QVERIFY2(result.ok(), result.error.message.c_str());
        QCOMPARE(server.requestCount(), 1); // the key really went out, so a leak would be possible
        QVERIFY(store->flush());
        store.reset();
        pipeline_.reset();
        config_.reset();
        int files = 0;
        for (QDirIterator it(dir_.path(), QDir::Files); it.hasNext(); ++files) {
            const QString file = it.next();
            QVERIFY2(!readAll(file).contains(QByteArray::fromStdString(secret)), qPrintable(file));
        }
        QVERIFY(files >= 2); // the providers file and the workspace
    }
};

QTEST_MAIN(TestSettingsProviders)
#include "test_settings_providers.moc"
