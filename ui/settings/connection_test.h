#pragma once
#include "model/cancel.h"
#include "providers/model_listing.h"

#include <QObject>
#include <QStringList>

#include <cstdint>
#include <string>

namespace ts::ui {

// What a connection test found, as a value that crossed back to the GUI thread.
struct ConnectionOutcome
{
    QStringList models;
    QString error; // in words; empty: the server answered
    bool listed = true; // false: the API cannot list models (the profile's own are returned)
    bool cancelled = false;
    double elapsedMs = 0;

    bool ok() const { return error.isEmpty() && !cancelled; }
    QString summary() const; // "OK · 23 models · 184 ms", or the error
};

// Asks a provider's server which models it serves (listModels) on a worker thread. One test at a
// time: starting another or cancelling drops the earlier one's result; cancelled() answers at once.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;

    void start(const ProviderProfile& profile, std::string apiKey);
    void cancel();
    bool busy() const { return busy_; }

Q_SIGNALS:
    void started();
    void finished(const ts::ui::ConnectionOutcome& outcome);

private:
    void deliver(std::uint64_t generation, const ConnectionOutcome& outcome);

    CancelTokenPtr cancel_;
    std::uint64_t generation_ = 0;
    bool busy_ = false;
};

ConnectionOutcome outcomeOf(const ModelList& list, const std::string& apiKey);

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::ui::ConnectionOutcome)
