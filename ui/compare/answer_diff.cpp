#include "compare/answer_diff.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString styled(const diff::Piece& p)
{
    const QString text = p.text.toHtmlEscaped();
    switch (p.op) {
    case diff::Op::Same:
        return text;
    case diff::Op::Removed:
        return u"<span style=\"color:#c0392b; background-color:rgba(192,57,43,0.12); "
               "text-decoration:line-through;\">"_s + text + u"</span>"_s;
    case diff::Op::Added:
        return u"<span style=\"color:#1e8449; background-color:rgba(30,132,73,0.14);\">"_s + text +
               u"</span>"_s;
    }
    return text;
}

QString granularityNote(diff::Granularity g)
{
    switch (g) {
    case diff::Granularity::Words:
        return {};
    case diff::Granularity::Lines:
        return u"  (long answers: compared line by line)"_s;
    case diff::Granularity::Whole:
        return u"  (too long to compare in detail)"_s;
    }
    return {};
}

void fill(QComboBox* combo, const std::vector<DiffAnswer>& answers, int keep)
{
    const QSignalBlocker block(combo);
    combo->clear();
    for (std::size_t i = 0; i < answers.size(); ++i)
        combo->addItem(QString::number(i + 1) + u". "_s + answers[i].title);
    combo->setCurrentIndex(keep >= 0 && keep < combo->count() ? keep : -1);
}

} // namespace

QString diffHtml(const diff::Result& result)
{
    QString body;
    for (const diff::Piece& p : result.pieces)
        body += styled(p);
    return u"<div style=\"white-space: pre-wrap;\">"_s + body + u"</div>"_s;
}

AnswerDiff::AnswerDiff(QWidget* parent)
    : QWidget(parent), first_(new QComboBox(this)), second_(new QComboBox(this)), note_(new QLabel(this)),
      view_(new QTextBrowser(this))
{
    first_->setAccessibleName(u"First answer"_s);
    second_->setAccessibleName(u"Second answer"_s);
    note_->setTextFormat(Qt::RichText);
    view_->setOpenLinks(false);
    view_->setAccessibleName(u"Difference"_s);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(u"Difference from"_s, this));
    row->addWidget(first_);
    row->addWidget(new QLabel(u"to"_s, this));
    row->addWidget(second_);
    row->addWidget(note_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(view_, 1);
    connect(first_, &QComboBox::currentIndexChanged, this, &AnswerDiff::refresh);
    connect(second_, &QComboBox::currentIndexChanged, this, &AnswerDiff::refresh);
}

void AnswerDiff::setAnswers(const std::vector<DiffAnswer>& answers)
{
    const int a = first_->currentIndex() < 0 ? 0 : first_->currentIndex();
    const int b = second_->currentIndex() < 0 ? 1 : second_->currentIndex();
    answers_ = answers;
    fill(first_, answers_, a);
    fill(second_, answers_, b);
    refresh();
}

void AnswerDiff::select(int first, int second)
{
    const QSignalBlocker blockFirst(first_);
    const QSignalBlocker blockSecond(second_);
    first_->setCurrentIndex(first);
    second_->setCurrentIndex(second);
    refresh();
}

int AnswerDiff::first() const { return first_->currentIndex(); }
int AnswerDiff::second() const { return second_->currentIndex(); }
QString AnswerDiff::html() const { return view_->toHtml(); }
QString AnswerDiff::plainText() const { return view_->toPlainText(); }

void AnswerDiff::refresh()
{
    const int a = first();
    const int b = second();
    note_->clear();
    if (a < 0 || b < 0 || a >= static_cast<int>(answers_.size()) || b >= static_cast<int>(answers_.size())) {
        view_->setPlainText({});
        view_->setPlaceholderText(u"Pick two columns to see how their answers differ."_s);
        return;
    }
    const DiffAnswer& x = answers_[static_cast<std::size_t>(a)];
    const DiffAnswer& y = answers_[static_cast<std::size_t>(b)];
    if (!x.done || !y.done) {
        view_->setPlainText({});
        view_->setPlaceholderText(u"The difference shows once both answers are complete."_s);
        return;
    }
    const diff::Result result = diff::wordDiff(x.text, y.text);
    note_->setText(u"<span style=\"color:#c0392b; text-decoration:line-through;\">only in the first</span>"
                   "  ·  <span style=\"color:#1e8449;\">only in the second</span>"_s +
                   granularityNote(result.granularity));
    view_->setHtml(diffHtml(result));
}

} // namespace ts::ui
