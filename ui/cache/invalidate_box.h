#pragma once
#include <QGroupBox>

#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ts::ui::cachepanel {

class CacheInvalidator;

// Invalidate exact cache entries: the one behind a chosen pair, a scope (model, user), or by age.
// The buttons stay disabled, with a tooltip saying why, until the workspace's cache has entries.
class InvalidateBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit InvalidateBox(CacheInvalidator* invalidator, QWidget* parent = nullptr);

    // The exact cache entry of the answer a chosen pair would be served from ("" when it has none).
    void setChosenEntry(const std::string& key, const QString& question);
    void setModels(const QStringList& models);
    QPushButton* entryButton() const { return entry_; }
    QPushButton* scopeButton() const { return scope_; }
    QPushButton* ageButton() const { return age_; }
    QString status() const;

private:
    QWidget* buildRows();
    void onCounted(qint64 removed, qint64 remaining);
    void onFailed(const QString& reason);
    void updateButtons();

    CacheInvalidator* invalidator_;
    std::string chosenKey_;
    QString unavailable_ = QStringLiteral("Checking the workspace's exact cache…");
    QLabel* chosen_;
    QComboBox* model_;
    QLineEdit* user_;
    QSpinBox* hours_;
    QPushButton* entry_;
    QPushButton* scope_;
    QPushButton* age_;
    QLabel* status_;
};

} // namespace ts::ui::cachepanel
