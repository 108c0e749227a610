#pragma once
#include "compare/compare_outcome.h"
#include "gateway/pipeline.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QHBoxLayout;

namespace ts::ui {

class AnswerDiff;
class CompareColumn;
class ComparePrompt;
class CompareSession;

// Compare: one prompt sent to several models at once, their answers streaming in side by side,
// with their figures (the best of each in bold) and a word diff of any two answers. Every request
// is traced with source "compare" and one session id shared by the columns.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinColumns = 2;
    static constexpr int kMaxColumns = 4;

    explicit ComparePanel(std::shared_ptr<Pipeline> pipeline, QWidget* parent = nullptr);
    ~ComparePanel() override;

    void setPrompt(const QString& user, const QString& system = {});
    // A new column, on provider/model when given (else the first model offered); false at the maximum.
    bool addColumn(const QString& provider = {}, const QString& model = {});
    void removeColumn(int index);
    // The pipeline's providers changed: every column's picker offers the new models.
    void refreshModels();
    int columnCount() const { return static_cast<int>(columns_.size()); }
    CompareColumn* column(int index) const;
    AnswerDiff* diff() const { return diff_; }
    CompareSession* session() const { return session_; }
    QString status() const;

    void send();
    void stopAll();
    // The screenshot's scene: the three default simulated models answer an example prompt.
    void runExample();
    bool busy() const;
    // Nothing is left streaming from the last send (true when there is no engine to send to).
    bool allFinished() const;

Q_SIGNALS:
    void columnFinished(int column, const ts::ui::CompareOutcome& outcome);
    void comparisonFinished();

private:
    void build();
    void wire();
    void resetColumns();
    void onFinished(int column, const CompareOutcome& outcome);
    void onAllFinished();
    void updateState();
    void updateDiff();

    std::shared_ptr<Pipeline> pipeline_;
    CompareSession* session_ = nullptr;
    ComparePrompt* prompt_ = nullptr;
    QWidget* columnsBox_ = nullptr;
    QHBoxLayout* columnsRow_ = nullptr; // equal widths: the columns are read side by side
    AnswerDiff* diff_ = nullptr;
    std::vector<CompareColumn*> columns_;
    std::vector<std::optional<CompareOutcome>> outcomes_;
    bool sent_ = false;
};

} // namespace ts::ui
