#include "gateway/config_summary.h"

#include "common/format.h"
#include "cache/semantic_threshold.h"
#include "gateway/gateway_config.h"

#include <QHeaderView>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString limitText(const RateLimit& l)
{
    QStringList parts;
    if (l.requestsPerMinute > 0)
        parts << format::grouped(l.requestsPerMinute) + u" req/min"_s;
    if (l.tokensPerMinute > 0)
        parts << format::grouped(l.tokensPerMinute) + u" tokens/min"_s;
    return parts.join(u", "_s);
}

QTreeWidgetItem* add(QTreeWidgetItem* parent, const QString& what, const QString& detail = {})
{
    auto* item = new QTreeWidgetItem(parent, {what, detail});
    item->setToolTip(1, detail); // the column may be too narrow for all of it
    return item;
}

QString deploymentDetail(const RouteConfig& route, const DeploymentConfig& d)
{
    QStringList parts;
    if (route.strategy == RouteStrategy::Weighted)
        parts << u"weight "_s + QString::number(d.weight);
    if (const QString limit = limitText(d.limit); !limit.isEmpty())
        parts << limit;
    return parts.join(u" · "_s);
}

void addRoutes(QTreeWidgetItem* top, const GatewayConfig& config)
{
    for (const RouteConfig& r : config.routes) {
        auto* route = add(top, q(r.name), q(strategyName(r.strategy)) + u" · "_s + QString::number(r.attemptsPerDeployment) +
                                              (r.attemptsPerDeployment == 1 ? u" try"_s : u" tries"_s) + u" each"_s);
        int n = 0;
        for (const DeploymentConfig& d : r.deployments)
            add(route, QString::number(++n) + u". "_s + q(d.key()), deploymentDetail(r, d));
        if (r.contextFallback)
            add(route, u"long prompts → "_s + q(r.contextFallback->key()), u"context fallback"_s);
    }
}

QString tierCondition(const TierRule& t)
{
    QStringList when;
    if (t.maxInputTokens)
        when << u"input ≤ "_s + format::tokens(*t.maxInputTokens) + u" tokens"_s;
    if (!t.tagsAny.empty()) {
        QStringList tags;
        for (const std::string& tag : t.tagsAny)
            tags << q(tag);
        when << u"tagged "_s + tags.join(u" or "_s);
    }
    if (t.difficulty)
        when << q(*t.difficulty);
    return u"when "_s + when.join(u" and "_s);
}

void addBudgets(QTreeWidgetItem* top, const GatewayConfig& config)
{
    for (const Budget& b : config.budgets)
        add(top, q(b.scope.kind) + u' ' + q(b.scope.name),
            format::cost(b.limitUsd) + (b.period == BudgetPeriod::Day ? u" a day"_s : u" a month"_s));
}

void addKeys(QTreeWidgetItem* top, const GatewayConfig& config)
{
    for (const VirtualKey& k : config.keys) {
        QStringList parts;
        if (!k.project.empty())
            parts << u"project "_s + q(k.project);
        if (const QString limit = limitText(k.limit); !limit.isEmpty())
            parts << limit;
        add(top, q(k.name), parts.join(u" · "_s)); // the name only: the key itself is never shown
    }
}

QString seconds(Nanos ns)
{
    const auto s = ns / kNsPerSec;
    if (s >= 60 && s % 60 == 0)
        return QString::number(s / 60) + u" min"_s;
    return QString::number(s) + u" s"_s;
}

QString scopeText(bool shared) { return shared ? u"shared by all users"_s : u"per user"_s; }

void addCaches(QTreeWidgetItem* top, const GatewayConfig& config)
{
    const cache::ExactCacheConfig& e = config.exactCache;
    add(top, u"exact"_s,
        e.enabled ? QStringList{u"kept "_s + seconds(e.ttl),
                                e.replay == cache::ReplayPacing::Original ? u"replayed with its pacing"_s
                                                                          : u"replayed at once"_s,
                                e.key.whitespace == cache::WhitespacePolicy::Collapse ? u"whitespace collapsed"_s
                                                                                      : u"text compared exactly"_s,
                                scopeText(e.key.shareAcrossUsers)}
                        .join(u" · "_s)
                  : u"off"_s);
    const SemanticCacheSettings& s = config.semanticCache;
    if (!s.enabled) {
        add(top, u"semantic"_s, u"off"_s);
        return;
    }
    const QString embedder = s.embedder == "lexical" ? u"built-in lexical embedder"_s
                                                     : q(s.embedder) + u" embeddings "_s + q(s.embeddingModel);
    const QString threshold = s.threshold ? QString::number(static_cast<double>(*s.threshold), 'f', 2)
                                          : u"default "_s + QString::number(static_cast<double>(cache::defaultThresholdFor(s.embedder)), 'f', 2);
    add(top, u"semantic"_s,
        QStringList{embedder, u"similarity ≥ "_s + threshold, s.ttl > 0 ? u"kept "_s + seconds(s.ttl) : u"kept until evicted"_s,
                    scopeText(s.shareAcrossUsers)}
            .join(u" · "_s));
}

QString ruleText(const guard::Rule& rule, bool withThreshold)
{
    QString text = q(guard::actionName(rule.action));
    if (withThreshold)
        text += u" at "_s + QString::number(rule.threshold, 'f', 2);
    return text;
}

void addGuardStage(QTreeWidgetItem* top, const QString& stage, const guard::StagePolicy& p)
{
    if (p.empty())
        return;
    QTreeWidgetItem* item = add(top, stage);
    for (const auto& [category, rule] : p.byCategory)
        add(item, q(guard::categoryName(category)).replace(u'_', u' '), ruleText(rule, false));
    for (const auto& [type, rule] : p.byType)
        add(item, q(type), ruleText(rule, false));
    if (p.injection)
        add(item, u"prompt injection"_s, ruleText(*p.injection, true));
    if (p.systemPromptLeak)
        add(item, u"system prompt leak"_s, ruleText(*p.systemPromptLeak, true));
    if (p.schema)
        add(item, u"answer against its JSON schema"_s, ruleText(*p.schema, false));
    if (p.bannedWords)
        add(item, u"banned words and topics"_s,
            ruleText(*p.bannedWords, false) + u" · "_s + QString::number(p.words.size()) + u" words, "_s +
                QString::number(p.topics.size()) + u" topics"_s);
    if (p.maxLength)
        add(item, u"longer than "_s + QString::number(p.maxBytes) + u" bytes"_s, ruleText(*p.maxLength, false));
}

} // namespace

ConfigSummary::ConfigSummary(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({u"What"_s, u"Details"_s});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(u"What the config means"_s);
}

void ConfigSummary::showConfig(const GatewayConfig& config)
{
    clear();
    auto section = [this](const QString& title, std::optional<std::size_t> count) {
        const QString counted = count ? title + u" ("_s + QString::number(*count) + u')' : title;
        auto* item = new QTreeWidgetItem(this, {counted, QString()});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        return item;
    };
    addRoutes(section(u"Routes"_s, config.routes.size()), config);
    auto* tiers = section(u"Tiers"_s, config.tiers.size());
    for (const TierRule& t : config.tiers)
        add(tiers, q(t.route) + u" → "_s + q(t.to), tierCondition(t));
    addBudgets(section(u"Budgets"_s, config.budgets.size()), config);
    addKeys(section(u"Keys"_s, config.keys.size()), config);
    const BreakerConfig& b = config.breaker;
    add(section(u"Circuit breaker"_s, std::nullopt), u"opens after "_s + QString::number(b.failureThreshold) + u" failures in a row"_s,
        u"skips it "_s + seconds(b.openFor) + u", up to "_s + seconds(b.maxOpenFor));
    addCaches(section(u"Response cache"_s, std::nullopt), config);
    auto* guards = section(config.guard ? u"Guard policy “"_s + q(config.guard->name) + u"”"_s : u"Guard policy"_s,
                           std::nullopt);
    if (config.guard) {
        addGuardStage(guards, u"input"_s, config.guard->input);
        addGuardStage(guards, u"output"_s, config.guard->output);
    } else {
        add(guards, u"none"_s, u"requests and answers pass unchecked (the Guardrails panel edits one)"_s);
    }
    expandAll();
}

void ConfigSummary::showNothing(const QString& why)
{
    clear();
    auto* item = new QTreeWidgetItem(this, {why, QString()});
    item->setForeground(0, palette().placeholderText());
}

QStringList ConfigSummary::allText() const
{
    QStringList out;
    std::function<void(const QTreeWidgetItem*)> walk = [&](const QTreeWidgetItem* item) {
        for (int i = 0; i < item->childCount(); ++i) {
            out << item->child(i)->text(0) << item->child(i)->text(1);
            walk(item->child(i));
        }
    };
    walk(invisibleRootItem());
    return out;
}

} // namespace ts::ui
