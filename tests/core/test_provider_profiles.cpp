// Provider profiles: the providers file (round trip, bad entries, a corrupt file kept aside), the
// environment's profiles, merging, and the registry built from them, down to what reaches the wire.
#include "mock_anthropic_server.h"
#include "mock_openai_server.h"
#include "providers/error_category.h"
#include "providers/provider_profile.h"
#include "providers/provider_setup.h"
#include "qtest_std_string.h"
#include "refused_port.h"
#include "test_env.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

#include <filesystem>
#include <fstream>

using ts::ProviderProfile;
using ts::ProviderProfiles;
using namespace std::chrono_literals;

namespace {

const char* const kEnvNames[] = {"OPENAI_API_KEY",       "OPENAI_BASE_URL",       "ANTHROPIC_API_KEY",
                                 "ANTHROPIC_BASE_URL",   "GEMINI_API_KEY",        "GOOGLE_API_KEY",
                                 "GEMINI_BASE_URL",      "OLLAMA_HOST",           "AZURE_OPENAI_API_KEY",
                                 "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_DEPLOYMENT", "AZURE_OPENAI_API_VERSION",
                                 "GROQ_API_KEY"};

void clearEnvironment()
{
    for (const char* name : kEnvNames)
        qunsetenv(name);
}

ProviderProfile profile(std::string id, std::string kind, std::string baseUrl = {})
{
    ProviderProfile p;
    p.id = std::move(id);
    p.kind = std::move(kind);
    p.baseUrl = std::move(baseUrl);
    return p;
}

ProviderProfile everyField()
{
    ProviderProfile p = profile("groq", "openai", "https://api.groq.com/openai/v1");
    p.label = "Groq";
    p.headers = {{"X-Title", "Tokenscope"}, {"HTTP-Referer", "https://example.org"}};
    p.proxy = "socks5h://127.0.0.1:1080";
    p.connectTimeout = 2500ms;
    p.idleTimeout = 30000ms;
    p.totalTimeout = 120000ms;
    p.models = {"llama-3.3-70b-versatile", "llama-3.1-8b-instant"};
    p.keyEnv = "GROQ_API_KEY";
    p.enabled = false;
    return p;
}

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> registryIds(const ts::ProviderRegistry& registry)
{
    std::vector<std::string> ids;
    for (const auto& p : registry.all())
        ids.push_back(p->id());
    return ids;
}

bool anyMentions(const std::vector<std::string>& issues, const std::string& text)
{
    return std::any_of(issues.begin(), issues.end(), [&](const std::string& i) { return i.find(text) != std::string::npos; });
}

ts::ChatRequest hello(std::string provider, std::string model)
{
    ts::ChatRequest r;
    r.provider = std::move(provider);
    r.model = std::move(model);
    r.stream = true;
    r.messages.push_back({ts::Role::User, "hi"});
    return r;
}

} // namespace

class TestProviderProfiles : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void init() { clearEnvironment(); }
    void cleanupTestCase() { clearEnvironment(); }

    void roundTripKeepsEveryField()
    {
        ProviderProfiles saved;
        saved.profiles = {everyField(), profile("ollama", "ollama")};
        const std::string file = path("round/providers.json");
        QCOMPARE(saved.save(file), std::string());
        const ProviderProfiles loaded = ProviderProfiles::load(file);
        QVERIFY2(loaded.issues.empty(), loaded.issues.empty() ? "" : loaded.issues.front().c_str());
        QCOMPARE(loaded.profiles.size(), std::size_t(2));
        QVERIFY(loaded.profiles[0] == everyField());
        QVERIFY(loaded.profiles[1] == profile("ollama", "ollama"));
        const auto perms = std::filesystem::status(file).permissions();
        QVERIFY((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
                std::filesystem::perms::none);
        QVERIFY(!std::filesystem::exists(file + ".tmp"));
    }

    void missingFileIsAnEmptyList()
    {
        const ProviderProfiles loaded = ProviderProfiles::load(path("nowhere.json"));
        QVERIFY(loaded.profiles.empty());
        QVERIFY(loaded.issues.empty());
    }

    void validation_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("expected"); // empty: valid
        QTest::newRow("valid") << 0 << QString();
        QTest::newRow("id charset") << 1 << QStringLiteral("may hold only a-z");
        QTest::newRow("empty id") << 2 << QStringLiteral("id is empty");
        QTest::newRow("unknown kind") << 3 << QStringLiteral("kind 'cohere' is not one of");
        QTest::newRow("base URL") << 4 << QStringLiteral("base URL must start with http:// or https://");
        QTest::newRow("proxy") << 5 << QStringLiteral("proxy URL must start with");
        QTest::newRow("timeout") << 6 << QStringLiteral("idle timeout must not be negative");
        QTest::newRow("authorization header") << 7 << QStringLiteral("carries a credential");
        QTest::newRow("x-api-key header") << 8 << QStringLiteral("carries a credential");
        QTest::newRow("api-key header") << 9 << QStringLiteral("carries a credential");
        QTest::newRow("header name") << 10 << QStringLiteral("not a valid HTTP header name");
        QTest::newRow("azure without deployment") << 11 << QStringLiteral("azure needs a deployment");
        QTest::newRow("azure deployments URL") << 12 << QString();
        QTest::newRow("reserved id") << 13 << QStringLiteral("reserved");
    }

    void validation()
    {
        QFETCH(int, change);
        QFETCH(QString, expected);
        ProviderProfile p = everyField();
        switch (change) {
        case 1: p.id = "My Groq"; break;
        case 2: p.id.clear(); break;
        case 3: p.kind = "cohere"; break;
        case 4: p.baseUrl = "ftp://example.org"; break;
        case 5: p.proxy = "127.0.0.1:3128"; break;
        case 6: p.idleTimeout = -1ms; break;
        case 7: p.headers.emplace_back("Authorization", "Bearer x"); break;
        case 8: p.headers.emplace_back("X-API-Key", "x"); break;
        case 9: p.headers.emplace_back("api-key", "x"); break;
        case 10: p.headers.emplace_back("X Title", "x"); break;
        case 11: p = profile("azure", "azure", "https://res.openai.azure.com"); break;
        case 12: p = profile("azure", "azure", "https://res.openai.azure.com/openai/deployments/gpt4o"); break;
        case 13: p.id = "simulated"; break;
        default: break;
        }
        const auto problems = ts::validateProfile(p);
        if (expected.isEmpty()) {
            QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
            return;
        }
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(problems.front()).contains(expected), problems.front().c_str());
    }

    void corruptFileIsReportedAndKeptAside()
    {
        const std::string file = path("corrupt.json");
        const std::string text = "{\n  \"version\": 1,\n  \"providers\": [\n    {\"id\": \"groq\",, \"kind\": \"openai\"}\n  ]\n}\n";
        writeText(file, text);
        const ProviderProfiles loaded = ProviderProfiles::load(file);
        QVERIFY(loaded.profiles.empty());
        QCOMPARE(loaded.issues.size(), std::size_t(1));
        QVERIFY2(loaded.issues[0].starts_with(file + ":4: "), loaded.issues[0].c_str());

        ProviderProfiles replacement;
        replacement.profiles = {profile("ollama", "ollama")};
        QCOMPARE(replacement.save(file), std::string());
        QCOMPARE(ts::test::readFile(file + ".corrupt"), text);
        QCOMPARE(ProviderProfiles::load(file).profiles.size(), std::size_t(1));
        // A sound file is simply replaced; the kept copy stays the corrupt one.
        QCOMPARE(ProviderProfiles{}.save(file), std::string());
        QCOMPARE(ts::test::readFile(file + ".corrupt"), text);
    }

    void badEntriesAreSkippedWithAnIssueEach()
    {
        const std::string file = path("entries.json");
        writeText(file, "{\"version\": 1, \"providers\": [\n"
                        "  {\"id\": \"groq\", \"kind\": \"openai\", \"baseUrl\": \"https://api.groq.com/openai/v1\"},\n"
                        "  {\"id\": \"groq\", \"kind\": \"openai\"},\n"
                        "  {\"id\": \"slow\", \"kind\": \"ollama\", \"idleTimeoutMs\": \"long\"},\n"
                        "  {\"id\": \"vault\", \"kind\": \"openai\", \"headers\": {\"Authorization\": \"Bearer sk-oops\"}},\n"
                        "  42\n]}");
        const ProviderProfiles loaded = ProviderProfiles::load(file);
        QCOMPARE(loaded.profiles.size(), std::size_t(1));
        QCOMPARE(loaded.profiles[0].id, std::string("groq"));
        QCOMPARE(loaded.issues.size(), std::size_t(4));
        QVERIFY2(anyMentions(loaded.issues, "provider 2 ('groq') skipped: another provider already has the id"),
                 loaded.issues[0].c_str());
        QVERIFY(anyMentions(loaded.issues, "provider 3 skipped: idleTimeoutMs must be a whole number"));
        QVERIFY(anyMentions(loaded.issues, "provider 4 ('vault') skipped: header 'Authorization' carries a credential"));
        QVERIFY(anyMentions(loaded.issues, "provider 5 skipped: an entry must be an object"));
        QVERIFY(!anyMentions(loaded.issues, "sk-oops"));
    }

    void environmentBecomesProfiles()
    {
        qputenv("OPENAI_API_KEY", "sk-env");
        qputenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9/anthropic");
        qputenv("GOOGLE_API_KEY", "g-env");
        qputenv("OLLAMA_HOST", "gpu-box:11434");
        qputenv("AZURE_OPENAI_API_KEY", "az-env");
        qputenv("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com");
        qputenv("AZURE_OPENAI_DEPLOYMENT", "gpt4o-prod");
        qputenv("AZURE_OPENAI_API_VERSION", "2025-01-01-preview");
        const ProviderProfiles env = ProviderProfiles::fromEnvironment();
        std::vector<std::string> ids;
        for (const auto& p : env.profiles)
            ids.push_back(p.id);
        QCOMPARE(ids, (std::vector<std::string>{"openai", "openai-responses", "anthropic", "gemini", "ollama", "azure"}));
        QCOMPARE(env.find("openai-responses")->kind, std::string("openai-responses"));
        QCOMPARE(env.find("anthropic")->baseUrl, std::string("http://127.0.0.1:9/anthropic"));
        QCOMPARE(env.find("ollama")->baseUrl, std::string("http://gpu-box:11434"));
        QCOMPARE(env.find("azure")->azureDeployment, std::string("gpt4o-prod"));
        QCOMPARE(env.find("azure")->azureApiVersion, std::string("2025-01-01-preview"));
        for (const auto& p : env.profiles)
            QVERIFY2(ts::validateProfile(p).empty(), p.id.c_str());

        const ts::KeyLookup keys = ts::environmentKeys();
        QCOMPARE(keys(*env.find("openai-responses")).value_or(""), std::string("sk-env"));
        QCOMPARE(keys(*env.find("gemini")).value_or(""), std::string("g-env")); // GOOGLE_API_KEY stands in
        QVERIFY(!keys(*env.find("anthropic")));
        QVERIFY(!keys(*env.find("ollama")));
        ProviderProfile groq = profile("groq", "openai");
        groq.keyEnv = "GROQ_API_KEY";
        QVERIFY(!keys(groq)); // its own variable, not OPENAI_API_KEY
        qputenv("GROQ_API_KEY", "gsk-env");
        QCOMPARE(keys(groq).value_or(""), std::string("gsk-env"));
    }

    void nothingSetNoProfiles() { QVERIFY(ProviderProfiles::fromEnvironment().profiles.empty()); }

    void fileProfilesWinOverEnvironment()
    {
        ProviderProfiles file;
        file.profiles = {profile("openai", "openai", "http://127.0.0.1:8000/v1"), profile("groq", "openai")};
        file.issues = {"file issue"};
        ProviderProfiles env;
        env.profiles = {profile("openai", "openai"), profile("anthropic", "anthropic")};
        const ProviderProfiles merged = file.mergedWith(env);
        QCOMPARE(merged.profiles.size(), std::size_t(3));
        QCOMPARE(merged.profiles[0].baseUrl, std::string("http://127.0.0.1:8000/v1"));
        QCOMPARE(merged.profiles[1].id, std::string("groq"));
        QCOMPARE(merged.profiles[2].id, std::string("anthropic"));
        QCOMPARE(merged.issues, std::vector<std::string>{"file issue"});
    }

    void userProfilesReadTheFileNamedByTheEnvironment()
    {
        const std::string file = path("user.json");
        ProviderProfiles saved;
        saved.profiles = {profile("groq", "openai", "https://api.groq.com/openai/v1")};
        QCOMPARE(saved.save(file), std::string());
        qputenv("TOKENSCOPE_PROVIDERS", QByteArray::fromStdString(file));
        qputenv("ANTHROPIC_API_KEY", "sk-ant-env");
        QCOMPARE(ts::providerProfilesPath(), file);
        const ProviderProfiles user = ts::loadUserProfiles();
        qunsetenv("TOKENSCOPE_PROVIDERS");
        QVERIFY(user.find("groq"));
        QVERIFY(user.find("anthropic"));
    }

    void registryHasWhatCanBeReached()
    {
        ProviderProfile disabled = profile("spare", "openai", "http://127.0.0.1:1/v1");
        disabled.enabled = false;
        ProviderProfile gemini = profile("gemini", "gemini");
        gemini.keyEnv = "MY_GEMINI";
        ProviderProfiles profiles;
        profiles.profiles = {profile("openai", "openai"),        profile("anthropic", "anthropic"),
                             profile("ollama", "ollama"),        profile("local-vllm", "openai", "http://127.0.0.1:8000/v1"),
                             disabled,                           gemini,
                             profile("bad id", "openai", "http://127.0.0.1:1/v1")};
        const ts::KeyLookup keys = [](const ProviderProfile& p) -> std::optional<std::string> {
            if (p.id == "openai" || p.id == "bad id")
                return "sk-known";
            if (p.keyEnv == "MY_GEMINI")
                return "g-known";
            return std::nullopt;
        };
        const auto registry = ts::makeProviders(profiles, keys);
        QCOMPARE(registryIds(*registry), (std::vector<std::string>{"simulated", "openai", "ollama", "local-vllm", "gemini"}));
        QCOMPARE(registry->find("local-vllm")->otelName(), std::string("local-vllm"));
        QCOMPARE(registry->find("openai")->otelName(), std::string("openai"));
        QVERIFY(!registry->find("openai")->models().empty()); // the kind's defaults
    }

    void makeProviderSaysWhyNot()
    {
        ts::ProviderError error;
        QVERIFY(!ts::makeProvider(profile("anthropic", "anthropic"), "", &error));
        QCOMPARE(ts::categorize(error), ts::ErrorCategory::Config);
        QVERIFY2(error.message.find("ANTHROPIC_API_KEY") != std::string::npos, error.message.c_str());
        QVERIFY(!ts::makeProvider(profile("x", "openai", "ftp://host"), "k", &error));
        QVERIFY2(error.message.find("base URL must start with") != std::string::npos, error.message.c_str());
        ProviderProfile models = profile("groq", "openai", "https://api.groq.com/openai/v1");
        models.models = {"llama-3.3-70b-versatile"};
        const auto built = ts::makeProvider(models, "gsk");
        QCOMPARE(built->models().size(), std::size_t(1));
        QCOMPARE(built->models()[0].id, std::string("llama-3.3-70b-versatile"));
    }

    void customHeadersReachTheServer()
    {
        ts::test::MockOpenAIServer server;
        server.setApiKey("gsk-wire");
        ProviderProfile groq = profile("groq", "openai", server.baseUrl());
        groq.headers = {{"X-Title", "Tokenscope"}, {"X-Team", "evals"}};
        const auto provider = ts::makeProvider(groq, "gsk-wire");
        const ts::CallResult result = provider->call(hello("groq", "mock-usage"), {});
        QVERIFY2(result.ok(), result.error.message.c_str());
        const auto sent = server.lastRequest();
        QCOMPARE(sent.header("x-title"), std::string("Tokenscope"));
        QCOMPARE(sent.header("x-team"), std::string("evals"));
        QCOMPARE(sent.header("authorization"), std::string("Bearer gsk-wire"));
    }

    void anthropicProfileSendsItsHeadersToo()
    {
        ts::test::MockAnthropicServer server("sk-ant-wire");
        ProviderProfile p = profile("claude-gw", "anthropic", server.baseUrl());
        p.headers = {{"X-Gateway-Tag", "nightly"}};
        const auto provider = ts::makeProvider(p, "sk-ant-wire");
        const ts::CallResult result = provider->call(hello("claude-gw", "claude-sonnet-4-5"), {});
        QVERIFY2(result.ok(), result.error.message.c_str());
        QCOMPARE(server.lastRequest().header("x-gateway-tag"), std::string("nightly"));
    }

    void proxyAndTimeoutsReachTheTransfer()
    {
        ts::test::MockOpenAIServer server;
        ts::test::RefusedPort refused;
        ProviderProfile viaProxy = profile("proxied", "openai", server.baseUrl());
        viaProxy.proxy = "http://127.0.0.1:" + std::to_string(refused.port());
        ts::CallResult result = ts::makeProvider(viaProxy, "k")->call(hello("proxied", "mock-usage"), {});
        QCOMPARE(ts::categorize(result.error), ts::ErrorCategory::Network);
        QCOMPARE(server.requestCount(), 0); // the proxy was tried, not the server

        ProviderProfile impatient = profile("impatient", "openai", server.baseUrl());
        impatient.idleTimeout = 300ms;
        const auto started = std::chrono::steady_clock::now();
        result = ts::makeProvider(impatient, "k")->call(hello("impatient", "mock-stall"), {});
        QCOMPARE(ts::categorize(result.error), ts::ErrorCategory::Timeout);
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
    }

    void providerSetupIsALayerOverProfiles()
    {
        ts::ProviderSetup setup;
        setup.openai = {"sk-setup", ""};
        setup.azure = {"az", "https://res.openai.azure.com/"};
        setup.azureDeployment = "gpt4o-prod";
        const auto registry = ts::makeProviders(setup);
        QCOMPARE(registryIds(*registry), (std::vector<std::string>{"simulated", "openai", "openai-responses", "azure"}));
        QCOMPARE(registry->find("azure")->models()[0].id, std::string("gpt4o-prod"));
        qputenv("OLLAMA_HOST", "127.0.0.1:11434");
        QCOMPARE(ts::providerSetupFromEnvironment().ollama.baseUrl, std::string("http://127.0.0.1:11434"));
    }
};

QTEST_GUILESS_MAIN(TestProviderProfiles)
#include "test_provider_profiles.moc"
