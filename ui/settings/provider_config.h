#pragma once
#include "gateway/pipeline.h"
#include "providers/provider_profile.h"
#include "settings/key_store.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace ts::ui {

enum class KeySource { Keychain, Environment, Missing, NotNeeded };

// What Save does with the key: keep what is stored, store a new one, or delete it.
struct KeyChange
{
    enum class Action { Keep, Replace, Remove };
    Action action = Action::Keep;
    QString key; // Replace only
};

// The user's provider profiles (the file, then the environment) and the registry built from them:
// keys from the keychain first, the environment second. Keychain reads run in the background; the
// pipeline starts on environment keys and gets the full registry once the reads are in. Keys are
// held only while a registry is built.
class ProviderConfig : public QObject
{
    Q_OBJECT
public:
    // `pipeline` may be null (no engine to rebuild); `keys` null: the environment only.
    ProviderConfig(std::shared_ptr<Pipeline> pipeline, QString profilesPath, std::unique_ptr<KeyStore> keys,
                   QObject* parent = nullptr);
    ~ProviderConfig() override;

    const ProviderProfiles& profiles() const { return merged_; } // file profiles, then environment ones
    bool inFile(const QString& id) const;
    KeySource keySource(const ProviderProfile& profile) const;
    QString keySourceText(const ProviderProfile& profile) const; // "keychain", "environment: OPENAI_API_KEY"
    QString profilesPath() const { return path_; }
    bool hasKeychain() const { return keys_ != nullptr; }
    bool loading() const { return !pending_.isEmpty() || !saving_.isEmpty(); }
    QStringList problems() const; // the file's issues and the keychain's trouble, in words

    // Reads the file and the environment again, then every key, then swaps the pipeline's providers.
    void reload();
    // Writes the profile into the file (replacing the one with its id) and applies the key change;
    // returns the file's error at once ("" when written), the rest arrives with saved().
    QString save(const ProviderProfile& profile, const KeyChange& key);
    QString remove(const QString& id);
    // The key a connection test should use: `typed` if given, else the keychain's, else the environment's.
    void fetchKey(const ProviderProfile& profile, const QString& typed,
                  std::function<void(std::optional<std::string> key, QString problem)> done);

Q_SIGNALS:
    void profilesChanged();
    void providersChanged(); // the pipeline has a new registry: model pickers refresh
    void keysLoaded();
    void saved(const QString& id, const QString& problem); // problem: the key could not be stored

private:
    void readKeys();
    void onKeyRead(const KeyReply& reply);
    void onKeySaved(const KeyReply& reply);
    void rebuild();
    QString envName(const ProviderProfile& profile) const;
    QString keyProblem(const KeyReply& reply, const QString& id) const;

    std::shared_ptr<Pipeline> pipeline_;
    QString path_;
    std::unique_ptr<KeyStore> keys_;
    ProviderProfiles file_;
    ProviderProfiles merged_;
    QSet<QString> pending_;  // keychain reads in flight
    QSet<QString> saving_;   // keychain writes/deletes in flight
    QSet<QString> inKeychain_;
    std::map<std::string, std::string> found_; // cleared as soon as the registry is built
    QString keychainProblem_;
};

// "no keychain service is running: set OPENAI_API_KEY in the environment instead"
QString keychainAdvice(const KeyReply& reply, const QString& envName);

} // namespace ts::ui
