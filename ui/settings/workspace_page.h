#pragma once
#include "trace/store.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace ts::ui {

class TraceDeletion;

// Settings › Workspace: the file and what it holds, how long traces are kept (retention, kept in
// the workspace, so the CLI and the gateway see it too), and compaction. Everything that touches
// the file runs on a worker; what retention would delete is counted, and shown, before Apply asks.
class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    WorkspacePage(std::shared_ptr<TraceStore> store, QWidget* parent = nullptr);
    ~WorkspacePage() override;

    void refresh(); // re-reads size, count and the retention setting

    QCheckBox* retentionBox() const { return keep_; }
    QSpinBox* daysBox() const { return days_; }
    QPushButton* applyButton() const { return apply_; }
    QPushButton* compactButton() const { return compact_; }
    QLabel* overview() const { return overview_; }
    QLabel* retentionNote() const { return note_; }
    QLabel* compactNote() const { return compactNote_; }
    TraceDeletion* deletion() const { return deletion_; }
    // The retention the file holds, as last read or applied.
    std::optional<int> savedDays() const { return saved_; }
    bool busy() const;

    void apply();
    void compact();

Q_SIGNALS:
    void refreshed();
    void applied(const QString& problem); // "" when the setting was written
    void compacted(const QString& problem);
    void status(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void edited();
    void countOlder();
    void save(std::optional<int> days);
    void showSaved();

    std::shared_ptr<TraceStore> store_;
    QThreadPool worker_;
    TraceDeletion* deletion_;
    QLabel* overview_;
    QCheckBox* keep_;
    QSpinBox* days_;
    QPushButton* apply_;
    QLabel* note_;
    QPushButton* compact_;
    QLabel* compactNote_;
    QTimer* countLater_;
    std::optional<int> saved_;
    std::int64_t older_ = -1; // traces older than the days shown, -1 while counting
    double olderCost_ = 0;
    int pending_ = 0;         // worker jobs whose answer has not come back
};

} // namespace ts::ui
