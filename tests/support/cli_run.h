#pragma once
// Runs the built tokenscope-cli as a user would, for the tests of its verbs. Header-only: the
// support library has no Qt.
#include "test_env.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ts::test {

struct CliRun
{
    int code = -1;
    QByteArray bytes; // stdout as written
    QString out;      // stdout as text
    QString err;
};

// The developer's own provider settings never reach the CLI under test; a test gives its own in `env`.
inline CliRun runCli(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& env = {})
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL",
                             "GEMINI_API_KEY", "GOOGLE_API_KEY", "GEMINI_BASE_URL", "OLLAMA_HOST",
                             "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "GROQ_API_KEY"})
        e.remove(QString::fromLatin1(name));
    for (const QString& key : env.keys())
        e.insert(key, env.value(key));
    QProcess p;
    p.setProcessEnvironment(e);
    p.start(QString::fromStdString(cliPath()), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300'000);
    CliRun run;
    run.code = p.exitCode();
    run.bytes = p.readAllStandardOutput();
    run.out = QString::fromUtf8(run.bytes);
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace ts::test
