#include "settings/provider_config.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

void wipe(std::map<std::string, std::string>& keys)
{
    for (auto& [id, key] : keys)
        std::fill(key.begin(), key.end(), '\0');
    keys.clear();
}

} // namespace

QString keychainAdvice(const KeyReply& reply, const QString& envName)
{
    if (!reply.noService)
        return reply.error;
    if (envName.isEmpty())
        return u"no keychain service is running: keys can only come from the environment"_s;
    return u"no keychain service is running: set "_s + envName + u" in the environment instead"_s;
}

ProviderConfig::ProviderConfig(std::shared_ptr<Pipeline> pipeline, QString profilesPath,
                               std::unique_ptr<KeyStore> keys, QObject* parent)
    : QObject(parent), pipeline_(std::move(pipeline)), path_(std::move(profilesPath)), keys_(std::move(keys))
{
    qRegisterMetaType<ts::ui::KeyReply>();
    file_ = ProviderProfiles::load(path_.toStdString());
    merged_ = file_.mergedWith(ProviderProfiles::fromEnvironment());
    if (!keys_)
        return;
    connect(keys_.get(), &KeyStore::readDone, this, &ProviderConfig::onKeyRead);
    connect(keys_.get(), &KeyStore::writeDone, this, &ProviderConfig::onKeySaved);
    connect(keys_.get(), &KeyStore::removeDone, this, &ProviderConfig::onKeySaved);
}

ProviderConfig::~ProviderConfig() { wipe(found_); }

bool ProviderConfig::inFile(const QString& id) const { return file_.find(id.toStdString()) != nullptr; }

QString ProviderConfig::envName(const ProviderProfile& profile) const
{
    return qs(profile.keyEnv.empty() ? defaultKeyEnv(profile.kind) : profile.keyEnv);
}

KeySource ProviderConfig::keySource(const ProviderProfile& profile) const
{
    if (inKeychain_.contains(qs(profile.id)))
        return KeySource::Keychain;
    if (environmentKeys()(profile))
        return KeySource::Environment;
    return kindNeedsKey(profile.kind) ? KeySource::Missing : KeySource::NotNeeded;
}

QString ProviderConfig::keySourceText(const ProviderProfile& profile) const
{
    if (pending_.contains(qs(profile.id)))
        return u"checking the keychain…"_s;
    switch (keySource(profile)) {
    case KeySource::Keychain: return u"keychain"_s;
    case KeySource::Environment: return u"environment: "_s + envName(profile);
    case KeySource::NotNeeded: return u"not needed"_s;
    case KeySource::Missing: break;
    }
    return u"missing"_s;
}

QStringList ProviderConfig::problems() const
{
    QStringList out;
    for (const std::string& issue : merged_.issues)
        out << qs(issue);
    if (!keychainProblem_.isEmpty())
        out << keychainProblem_;
    return out;
}

void ProviderConfig::reload()
{
    file_ = ProviderProfiles::load(path_.toStdString());
    merged_ = file_.mergedWith(ProviderProfiles::fromEnvironment());
    readKeys();
}

void ProviderConfig::readKeys()
{
    pending_.clear();
    inKeychain_.clear();
    keychainProblem_.clear();
    wipe(found_);
    if (keys_)
        for (const ProviderProfile& p : merged_.profiles)
            pending_.insert(qs(p.id));
    Q_EMIT profilesChanged();
    if (pending_.isEmpty())
        return rebuild();
    for (const QString& id : QStringList(pending_.begin(), pending_.end()))
        keys_->read(id);
}

void ProviderConfig::onKeyRead(const KeyReply& reply)
{
    if (!pending_.remove(reply.profileId))
        return;
    if (!reply.key.isEmpty()) {
        inKeychain_.insert(reply.profileId);
        found_[reply.profileId.toStdString()] = reply.key.toStdString();
    } else if (!reply.ok()) {
        keychainProblem_ = reply.noService ? u"no keychain service is running: keys come from the environment only"_s
                                           : reply.error;
    }
    if (pending_.isEmpty())
        rebuild();
}

void ProviderConfig::rebuild()
{
    if (pipeline_) {
        const KeyLookup env = environmentKeys();
        const KeyLookup lookup = [this, env](const ProviderProfile& p) -> std::optional<std::string> {
            if (const auto it = found_.find(p.id); it != found_.end())
                return it->second;
            return env(p);
        };
        pipeline_->setProviders(makeProviders(merged_, lookup));
    }
    wipe(found_);
    Q_EMIT profilesChanged();
    Q_EMIT providersChanged();
    Q_EMIT keysLoaded();
}

QString ProviderConfig::save(const ProviderProfile& profile, const KeyChange& key)
{
    if (const auto problems = validateProfile(profile); !problems.empty())
        return qs(problems.front());
    ProviderProfiles next = file_;
    next.issues.clear();
    const auto it = std::ranges::find(next.profiles, profile.id, &ProviderProfile::id);
    if (it != next.profiles.end())
        *it = profile;
    else
        next.profiles.push_back(profile);
    if (const std::string error = next.save(path_.toStdString()); !error.empty())
        return qs(error);
    file_ = std::move(next);
    merged_ = file_.mergedWith(ProviderProfiles::fromEnvironment());
    const QString id = qs(profile.id);
    if (key.action == KeyChange::Action::Keep || !keys_) {
        const QString problem = key.action == KeyChange::Action::Keep
                                    ? QString()
                                    : keychainAdvice({id, {}, {}, true}, envName(profile));
        QMetaObject::invokeMethod(this, [this, id, problem] { Q_EMIT saved(id, problem); }, Qt::QueuedConnection);
        readKeys();
        return {};
    }
    saving_.insert(id);
    Q_EMIT profilesChanged();
    if (key.action == KeyChange::Action::Replace)
        keys_->write(id, key.key);
    else
        keys_->remove(id);
    return {};
}

QString ProviderConfig::remove(const QString& id)
{
    const ProviderProfile* profile = merged_.find(id.toStdString());
    if (!profile)
        return u"no profile named “"_s + id + u"”"_s;
    if (!inFile(id))
        return u"“"_s + id + u"” comes from the environment: unset its variables to remove it"_s;
    ProviderProfiles next = file_;
    next.issues.clear();
    std::erase_if(next.profiles, [&](const ProviderProfile& p) { return p.id == profile->id; });
    if (const std::string error = next.save(path_.toStdString()); !error.empty())
        return qs(error);
    file_ = std::move(next);
    merged_ = file_.mergedWith(ProviderProfiles::fromEnvironment());
    if (!keys_) {
        readKeys();
        return {};
    }
    saving_.insert(id);
    keys_->remove(id);
    Q_EMIT profilesChanged();
    return {};
}

void ProviderConfig::onKeySaved(const KeyReply& reply)
{
    if (!saving_.remove(reply.profileId))
        return;
    QString problem;
    if (!reply.ok()) {
        const ProviderProfile* p = merged_.find(reply.profileId.toStdString());
        problem = p ? keychainAdvice(reply, envName(*p)) : reply.error;
    }
    Q_EMIT saved(reply.profileId, problem);
    readKeys();
}

void ProviderConfig::fetchKey(const ProviderProfile& profile, const QString& typed,
                              std::function<void(std::optional<std::string>, QString)> done)
{
    if (!typed.isEmpty())
        return done(typed.toStdString(), {});
    if (!keys_)
        return done(environmentKeys()(profile), {});
    const QString id = qs(profile.id);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(keys_.get(), &KeyStore::readDone, this,
                          [this, connection, id, profile, done](const KeyReply& r) {
                              if (r.profileId != id)
                                  return;
                              disconnect(*connection);
                              if (!r.key.isEmpty())
                                  return done(r.key.toStdString(), {});
                              done(environmentKeys()(profile), r.ok() ? QString() : keychainAdvice(r, envName(profile)));
                          });
    keys_->read(id);
}

} // namespace ts::ui
