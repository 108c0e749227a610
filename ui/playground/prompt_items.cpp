#include "playground/prompt_items.h"

#include "common/format.h"

#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace ts::ui::prompt_items {

namespace {

QStandardItem* item(const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* cell = new QStandardItem(text);
    cell->setEditable(false);
    cell->setTextAlignment(align);
    return cell;
}

QString versionLabel(const prompts::PromptVersion& v)
{
    const QString number = u"v"_s % QString::number(v.number);
    return v.pinned ? QString(number % u' ' % kPinMark) : number;
}

QList<QStandardItem*> promptRow(const prompts::PromptSummary& p)
{
    QList<QStandardItem*> row{item(QString::fromStdString(p.name)),
                              item(QString::number(p.versionCount), Qt::AlignRight | Qt::AlignVCenter),
                              item(p.pinnedVersion ? QString(kPinMark % u" v"_s % QString::number(p.pinnedVersion))
                                                   : QString())};
    row[0]->setData(QVariant::fromValue<qint64>(p.id), IdRole);
    row[0]->setData(p.pinnedVersion, PinnedRole);
    row[0]->setToolTip(QString::fromStdString(p.name) % u"\nlast changed "_s %
                       format::timestamp(p.updated));
    return row;
}

QList<QStandardItem*> versionRow(const prompts::PromptVersion& v, Nanos now)
{
    QList<QStandardItem*> row{item(versionLabel(v)), item(format::relativeTime(v.created, now)),
                              item(QString::fromStdString(v.content.model)),
                              item(firstLine(v.content.templateText))};
    row[0]->setData(v.number, NumberRole);
    row[0]->setData(v.pinned, PinnedRole);
    row[1]->setToolTip(format::timestamp(v.created));
    row[3]->setToolTip(QString::fromStdString(v.content.templateText).left(2000));
    if (v.pinned)
        for (QStandardItem* cell : row) {
            QFont bold = cell->font();
            bold.setBold(true);
            cell->setFont(bold);
        }
    return row;
}

} // namespace

QString firstLine(const std::string& text, int maxChars)
{
    for (const QString& line : QString::fromStdString(text).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        return trimmed.size() > maxChars ? trimmed.left(maxChars - 1) % QChar(0x2026) : trimmed;
    }
    return {};
}

void fillPrompts(QStandardItemModel* model, const std::vector<prompts::PromptSummary>& prompts)
{
    model->removeRows(0, model->rowCount());
    for (const prompts::PromptSummary& p : prompts)
        model->appendRow(promptRow(p));
}

void fillVersions(QStandardItemModel* model, const std::vector<prompts::PromptVersion>& versions, Nanos now)
{
    model->removeRows(0, model->rowCount());
    for (const prompts::PromptVersion& v : versions)
        model->appendRow(versionRow(v, now));
}

} // namespace ts::ui::prompt_items
