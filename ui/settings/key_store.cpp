#include "settings/key_store.h"

#include "settings/keychain_errors.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

using Finish = void (KeyStore::*)(const KeyReply&);

// Starts `job` and answers exactly once: with the job's outcome, or with a timeout error.
void runJob(KeyStore* store, QKeychain::Job* job, const QString& profileId, std::chrono::milliseconds timeout,
            Finish signal)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    auto answered = std::make_shared<bool>(false);
    QPointer<KeyStore> self(store);
    QObject::connect(job, &QKeychain::Job::finished, store, [self, answered, profileId, signal](QKeychain::Job* j) {
        if (*answered || !self)
            return;
        *answered = true;
        KeyReply reply = replyFor(profileId, j->error(), j->errorString());
        if (const auto* r = qobject_cast<QKeychain::ReadPasswordJob*>(j); r && reply.ok())
            reply.key = r->textData();
        Q_EMIT(self->*signal)(reply);
    });
    QTimer::singleShot(timeout, store, [self, answered, profileId, signal, timeout] {
        if (*answered || !self)
            return;
        *answered = true;
        Q_EMIT(self->*signal)(timeoutReply(profileId, timeout));
    });
    job->start();
}

} // namespace

KeychainStore::KeychainStore(QObject* parent) : KeyStore(parent)
{
    qRegisterMetaType<ts::ui::KeyReply>();
}

void KeychainStore::read(const QString& profileId)
{
    runJob(this, new QKeychain::ReadPasswordJob(QString::fromLatin1(kService), this), profileId, timeout_,
           &KeyStore::readDone);
}

void KeychainStore::write(const QString& profileId, const QString& key)
{
    auto* job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService), this);
    job->setTextData(key);
    runJob(this, job, profileId, timeout_, &KeyStore::writeDone);
}

void KeychainStore::remove(const QString& profileId)
{
    runJob(this, new QKeychain::DeletePasswordJob(QString::fromLatin1(kService), this), profileId, timeout_,
           &KeyStore::removeDone);
}

} // namespace ts::ui
