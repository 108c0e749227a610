#include "gateway/governor_status.h"

#include "common/format.h"
#include "gateway/gateway_controller.h"
#include "gateway/governor.h"

#include <QHeaderView>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString headroom(double available, std::int64_t perMinute, const QString& unit)
{
    const auto left = static_cast<std::int64_t>(std::floor(std::max(available, 0.0)));
    return format::grouped(left) + u'/' + format::grouped(perMinute) + u' ' + unit;
}

QStringList limitColumns(Governor& g, const std::string& key, const RateLimit& limit)
{
    const auto [requests, tokens] = g.limiter().available(key, wallNowNs());
    QStringList now, cap;
    if (limit.requestsPerMinute > 0)
        now << headroom(requests, limit.requestsPerMinute, u"req/min"_s);
    if (limit.tokensPerMinute > 0)
        now << headroom(tokens, limit.tokensPerMinute, u"tok/min"_s);
    return {now.join(u" · "_s) + u" left"_s};
}

QStringList budgetColumns(Governor& g, std::size_t index)
{
    const Nanos now = wallNowNs();
    const auto status = g.ledger().status(now);
    if (index >= status.size())
        return {QString()};
    const auto& s = status[index];
    QString spent = format::cost(s.spentUsd) + u" spent"_s;
    if (s.heldUsd > 0)
        spent += u" + "_s + format::cost(s.heldUsd) + u" held"_s;
    return {spent + u" of "_s + format::cost(s.budget.limitUsd) + u" · resets "_s + format::relativeTime(s.resetsAt, now)};
}

QStringList breakerColumns(Governor& g, const std::string& key)
{
    const BreakerState state = g.breakers().state(key, wallNowNs());
    const QString text = state == BreakerState::Closed ? u"closed (healthy)"_s
                         : state == BreakerState::Open ? u"open: skipped for now"_s
                                                       : u"half-open: probing"_s;
    return {text};
}

QString ttlText(Nanos ttl)
{
    if (ttl <= 0)
        return u"entries never expire"_s;
    const auto minutes = ttl / (60 * kNsPerSec);
    return u"time to live "_s + (minutes % 60 == 0 ? QString::number(minutes / 60) + u" h"_s : QString::number(minutes) + u" min"_s);
}

QString cacheColumns(const cache::ExactCacheConfig& c)
{
    return ttlText(c.ttl) +
           (c.replay == cache::ReplayPacing::Original ? u" · hits replay at the original pace"_s : u" · hits replay at once"_s) +
           (c.key.shareAcrossUsers ? u" · shared across users"_s : u" · per user"_s);
}

QString semanticColumns(const SemanticCacheSettings& s)
{
    const QString embedder = s.embedder == "lexical" ? u"lexical embedder (local)"_s
                                                      : q(s.embedder) + u" embeddings ("_s + q(s.embeddingModel) + u')';
    const QString threshold = s.threshold ? u"threshold "_s + QString::number(*s.threshold, 'f', 2)
                                          : u"the embedder's default threshold"_s;
    return embedder + u" · "_s + threshold + u" · "_s + ttlText(s.ttl) +
           (s.shareAcrossUsers ? u" · shared across users"_s : u" · per user"_s);
}

} // namespace

GovernorStatus::GovernorStatus(GatewayController* controller, QWidget* parent)
    : QTreeWidget(parent), controller_(controller)
{
    setColumnCount(2);
    setHeaderLabels({u"What"_s, u"Now"_s});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setRootIsDecorated(false);
    setAccessibleName(u"Live routing status"_s);
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &GovernorStatus::refresh);
    connect(controller_, &GatewayController::configApplied, this, &GovernorStatus::rebuild);
    rebuild();
}

void GovernorStatus::addRow(QTreeWidgetItem* section, const QString& what, Update update)
{
    auto* item = new QTreeWidgetItem(section, {what});
    rows_.emplace_back(item, std::move(update));
}

void GovernorStatus::rebuild()
{
    clear();
    rows_.clear();
    governor_ = controller_->governor();
    if (!governor_) {
        new QTreeWidgetItem(this, {u"No routing config applied: requests go straight to the model they name."_s});
        return;
    }
    auto section = [this](const QString& title) {
        auto* item = new QTreeWidgetItem(this, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        return item;
    };
    const GatewayConfig& config = governor_->config();
    auto* budgets = section(u"Budgets"_s);
    for (std::size_t i = 0; i < config.budgets.size(); ++i) {
        const Budget& b = config.budgets[i];
        addRow(budgets, q(b.scope.kind) + u' ' + q(b.scope.name) + (b.period == BudgetPeriod::Day ? u" · day"_s : u" · month"_s),
               [i](Governor& g) { return budgetColumns(g, i); });
    }
    auto* breakers = section(u"Circuit breakers"_s);
    auto* limits = section(u"Rate-limit headroom"_s);
    std::vector<std::string> seen;
    for (const RouteConfig& r : config.routes)
        for (const DeploymentConfig& d : r.deployments) {
            if (std::find(seen.begin(), seen.end(), d.key()) != seen.end())
                continue;
            seen.push_back(d.key());
            addRow(breakers, q(d.key()), [key = d.key()](Governor& g) { return breakerColumns(g, key); });
            if (d.limit.requestsPerMinute > 0 || d.limit.tokensPerMinute > 0)
                addRow(limits, q(d.key()), [key = d.key(), limit = d.limit](Governor& g) { return limitColumns(g, key, limit); });
        }
    for (const VirtualKey& k : config.keys)
        if (k.limit.requestsPerMinute > 0 || k.limit.tokensPerMinute > 0)
            addRow(limits, u"key "_s + q(k.name),
                   [key = "key:" + k.name, limit = k.limit](Governor& g) { return limitColumns(g, key, limit); });
    auto* cache = section(u"Response cache"_s);
    if (!controller_->cacheError().isEmpty())
        new QTreeWidgetItem(cache, {controller_->cacheError()});
    else {
        if (config.exactCache.enabled)
            new QTreeWidgetItem(cache, {u"exact"_s, cacheColumns(config.exactCache)});
        if (config.semanticCache.enabled) {
            auto* semantic = new QTreeWidgetItem(cache, {u"semantic"_s, semanticColumns(config.semanticCache)});
            semantic->setToolTip(1, semantic->text(1)); // the line is long; the column may cut it
        }
    }
    for (QTreeWidgetItem* s : {budgets, breakers, limits, cache})
        if (s->childCount() == 0)
            new QTreeWidgetItem(s, {u"none configured"_s});
    setRootIsDecorated(false);
    expandAll();
    refresh();
}

void GovernorStatus::refresh()
{
    if (!governor_)
        return;
    for (auto& [item, update] : rows_) {
        const QStringList columns = update(*governor_);
        for (int c = 0; c < columns.size(); ++c) {
            item->setText(c + 1, columns[c]);
            item->setToolTip(c + 1, columns[c]);
        }
    }
}

QStringList GovernorStatus::allText() const
{
    QStringList out;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = topLevelItem(i);
        out << top->text(0);
        for (int c = 0; c < top->childCount(); ++c)
            for (int col = 0; col < columnCount(); ++col)
                out << top->child(c)->text(col);
    }
    return out;
}

void GovernorStatus::showEvent(QShowEvent* event)
{
    QTreeWidget::showEvent(event);
    refresh();
    timer_.start();
}

void GovernorStatus::hideEvent(QHideEvent* event)
{
    timer_.stop();
    QTreeWidget::hideEvent(event);
}

} // namespace ts::ui
