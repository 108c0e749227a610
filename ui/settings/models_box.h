#pragma once
#include <QWidget>

class QListWidget;
class QPushButton;

namespace ts::ui {

// The models a profile offers in the model pickers: an editable list that "List models" can fill
// from the server. Empty: the kind's defaults.
class ModelsBox : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsBox(QWidget* parent = nullptr);

    void setModels(const QStringList& models);
    QStringList models() const;
    QListWidget* list() const { return list_; }
    QPushButton* listButton() const { return fetch_; }

Q_SIGNALS:
    void changed();
    void listRequested();

private:
    QListWidget* list_;
    QPushButton* fetch_;
};

} // namespace ts::ui
