#pragma once
#include "cache/cache_report.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ts::ui::cachepanel {

// Provider prompt caching: cached input tokens and their discount per provider and model, and how
// often calls sharing a prefix (system prompt or first message) read the provider's cache.
class ProviderCachingView : public QWidget
{
    Q_OBJECT
public:
    explicit ProviderCachingView(QWidget* parent = nullptr);

    void setReport(const ts::cache::CacheReport& report);
    QTableWidget* models() const { return models_; }
    QTableWidget* prefixes() const { return prefixes_; }

private:
    QLabel* summary_;
    QTableWidget* models_;
    QTableWidget* prefixes_;
};

} // namespace ts::ui::cachepanel
