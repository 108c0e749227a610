#pragma once
#include "compare/compare_outcome.h"
#include "compare/compare_session.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QToolButton;

namespace ts::ui {

class CompareFigures;

// One model's answer: the model picked in its header, the text following the stream, a busy
// bar while it streams, the error in words if it failed, and the figures underneath.
class CompareColumn : public QFrame
{
    Q_OBJECT
public:
    explicit CompareColumn(const ModelChoices& choices, QWidget* parent = nullptr);

    // Picks provider/model; one the registry does not list is added (and then fails when sent).
    void selectModel(const QString& provider, const QString& model);
    // The registry changed: offers `choices`, keeping the current pick.
    void setChoices(const ModelChoices& choices);
    QString provider() const;
    QString model() const;
    QString title() const; // "gpt-4o-mini · simulated"
    void setRemovable(bool removable);

    void begin(); // a new answer starts: clears the text and figures, shows the busy bar
    void appendText(const QString& delta);
    void finish(const CompareOutcome& outcome);
    void setEmphasis(const Emphasis& emphasis);

    bool streaming() const { return streaming_; }
    QString text() const { return text_; }
    QString errorText() const;
    CompareFigures* figures() const { return figures_; }

Q_SIGNALS:
    void removeRequested();
    void modelChanged();

private:
    QComboBox* model_;
    QToolButton* remove_;
    QProgressBar* busy_;
    QPlainTextEdit* view_;
    QLabel* error_;
    CompareFigures* figures_;
    QString text_;
    bool streaming_ = false;
    bool removable_ = true;
};

} // namespace ts::ui
