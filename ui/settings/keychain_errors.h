#pragma once
#include "settings/key_store.h"

#include <qt6keychain/keychain.h>

#include <chrono>

namespace ts::ui {

// QtKeychain's outcome in words. A missing entry is not an error: the reply simply has no key.
KeyReply replyFor(const QString& profileId, QKeychain::Error error, const QString& detail);
KeyReply timeoutReply(const QString& profileId, std::chrono::milliseconds waited);
// Whether the backend's message means no Secret Service is reachable on the session bus.
bool meansNoService(const QString& detail);

} // namespace ts::ui
