#include "cache/pair_table.h"

#include "cache/cache_text.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

constexpr qsizetype kCellChars = 160;
constexpr qsizetype kTipChars = 1200;

// The start and the end of a long text: a RAG prompt's documents come first and its question last.
QString shortened(const std::string& text, qsizetype limit = kCellChars)
{
    const QString s = QString::fromStdString(text).simplified();
    if (s.size() <= limit)
        return s;
    const qsizetype head = limit / 3;
    return s.left(head) + u" … "_s + s.right(limit - head);
}

} // namespace

PairTable::PairTable(const QString& emptyText, QWidget* parent) : QTableWidget(0, ColumnCount, parent), emptyText_(emptyText)
{
    setHorizontalHeaderLabels({u"Similarity"_s, u"Question"_s, u"Earlier question"_s, u"Answers"_s});
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle); // a long prompt's question is at its end
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(Similarity, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Question, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(Earlier, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(Answers, QHeaderView::ResizeToContents);
}

void PairTable::setCell(int row, int column, const QString& text, const QString& tip)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(tip.isEmpty() ? text : tip);
    if (column == Similarity)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, column, item);
}

void PairTable::setPairs(std::shared_ptr<const ts::cache::TuningResult> tuning, std::vector<ts::cache::TuningPair> pairs)
{
    tuning_ = std::move(tuning);
    pairs_ = std::move(pairs);
    clearSpans();
    setRowCount(pairs_.empty() ? 1 : static_cast<int>(pairs_.size()));
    if (pairs_.empty()) {
        setSpan(0, 0, 1, ColumnCount);
        auto* item = new QTableWidgetItem(emptyText_);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().color(QPalette::PlaceholderText));
        setItem(0, 0, item);
        return;
    }
    for (int row = 0; row < rowCount(); ++row) {
        const auto& pair = pairs_[static_cast<std::size_t>(row)];
        const auto& now = tuning_->requests[pair.request];
        const auto& before = tuning_->requests[pair.earlier];
        setCell(row, Similarity, QString::number(static_cast<double>(pair.similarity), 'f', 3));
        setCell(row, Question, shortened(now.prompt), shortened(now.prompt, kTipChars));
        setCell(row, Earlier, shortened(before.prompt), shortened(before.prompt, kTipChars));
        setCell(row, Answers, pair.answersDiffer ? u"differ"_s : u"same"_s,
                pair.answersDiffer ? u"Now: "_s + shortened(now.answer, kTipChars / 2) + u"\n\nEarlier: "_s +
                                         shortened(before.answer, kTipChars / 2)
                                   : shortened(now.answer, kTipChars));
        if (pair.answersDiffer)
            item(row, Answers)->setForeground(QColor(0xc0, 0x39, 0x2b));
    }
}

const ts::cache::TuningPair* PairTable::currentPair() const
{
    const int row = currentRow();
    return row >= 0 && row < static_cast<int>(pairs_.size()) ? &pairs_[static_cast<std::size_t>(row)] : nullptr;
}

} // namespace ts::ui::cachepanel
