#pragma once
#include "compare/word_diff.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace ts::ui {

// One column's answer as the diff sees it.
struct DiffAnswer
{
    QString title;
    QString text;
    bool done = false;
};

// HTML of a diff: deletions red and struck through, insertions green, whitespace kept.
QString diffHtml(const diff::Result& result);

// Two answers side by side as one text: pick a column in each combo, read what the second
// says differently from the first, word by word.
class AnswerDiff : public QWidget
{
    Q_OBJECT
public:
    explicit AnswerDiff(QWidget* parent = nullptr);

    // The columns' answers; the picks stay on the same columns where they still exist.
    void setAnswers(const std::vector<DiffAnswer>& answers);
    void select(int first, int second);
    int first() const;
    int second() const;
    QString html() const;
    QString plainText() const;

private:
    void refresh();

    QComboBox* first_;
    QComboBox* second_;
    QLabel* note_;
    QTextBrowser* view_;
    std::vector<DiffAnswer> answers_;
};

} // namespace ts::ui
