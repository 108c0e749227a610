#pragma once
#include <QMetaType>
#include <QObject>
#include <QString>

#include <chrono>

namespace ts::ui {

// The answer to one key operation, delivered on the GUI thread.
struct KeyReply
{
    QString profileId;
    QString key;   // read only; empty: no key stored (or an error)
    QString error; // in words; empty on success
    bool noService = false; // no Secret Service on the session bus: the environment is the way

    bool ok() const { return error.isEmpty(); }
};

// Where the GUI keeps API keys: one secret per provider profile id. Every call returns at once and
// answers with a signal; tests hand the UI an in-memory store.
class KeyStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void read(const QString& profileId) = 0;
    virtual void write(const QString& profileId, const QString& key) = 0;
    virtual void remove(const QString& profileId) = 0; // removing a missing key succeeds

Q_SIGNALS:
    void readDone(const ts::ui::KeyReply& reply);
    void writeDone(const ts::ui::KeyReply& reply);
    void removeDone(const ts::ui::KeyReply& reply);
};

// The operating system's keychain through QtKeychain (the Secret Service on Linux), service
// "tokenscope". Never falls back to a plaintext file. A keychain that does not answer in time
// (locked, hung) is reported as an error instead of leaving the caller waiting.
class KeychainStore final : public KeyStore
{
    Q_OBJECT
public:
    static constexpr auto kService = "tokenscope";

    explicit KeychainStore(QObject* parent = nullptr);
    void setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

    void read(const QString& profileId) override;
    void write(const QString& profileId, const QString& key) override;
    void remove(const QString& profileId) override;

private:
    std::chrono::milliseconds timeout_{20'000};
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::ui::KeyReply)
