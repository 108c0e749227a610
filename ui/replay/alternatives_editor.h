#pragma once
#include "replay/reprice_config.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ts::ui::replaypanel {

// The "what if"s the Replay panel prices: a list, and a form that adds one (another model for every
// call or for some models' calls, the batch API, prompt caching). Kept in the GUI settings between
// sessions in the command line's config form, which Save Config… writes for `tokenscope-cli replay`.
class AlternativesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AlternativesEditor(QWidget* parent = nullptr);

    const std::vector<replay::Alternative>& alternatives() const { return alternatives_; }
    void setAlternatives(std::vector<replay::Alternative> alternatives); // also saves them
    // The alternatives a first run starts with: all on a cheap model, the batch API, prompt caching.
    static std::vector<replay::Alternative> starters();

    // The form's alternative, or an empty name with the reason in `why`.
    replay::Alternative formAlternative(QString& why) const;
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* modelBox() const { return model_; }
    QCheckBox* batchBox() const { return batch_; }
    QCheckBox* cachingBox() const { return caching_; }
    QPushButton* addButton() const { return add_; }
    QTableWidget* table() const { return table_; }

Q_SIGNALS:
    void changed();
    void problem(const QString& text); // the form cannot add what it holds

private:
    QWidget* buildForm();
    void addFromForm();
    void removeSelected();
    void saveConfig();
    void fill();
    void save() const;

    std::vector<replay::Alternative> alternatives_;
    QTableWidget* table_;
    QLineEdit* name_;
    QComboBox* model_;
    QLineEdit* from_;
    QCheckBox* batch_;
    QCheckBox* caching_;
    QSpinBox* ttl_;
    QSpinBox* minTokens_;
    QPushButton* add_;
    QPushButton* remove_;
};

// "gpt-4o-mini", "gpt-4o → gpt-4o-mini", "batch API", "prompt caching 300 s ≥ 1,024" joined by " · ".
QString describe(const replay::Alternative& a);

} // namespace ts::ui::replaypanel
