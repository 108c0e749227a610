#pragma once
#include <QDialog>
#include <QString>

#include <functional>
#include <vector>

class QLineEdit;
class QListWidget;

namespace ts::ui {

// One thing the palette can do: "Go to Cost", "Import trace logs…", with its shortcut as a hint.
struct Command
{
    QString text;
    QString shortcut;
    std::function<void()> run;
};

// Ctrl+K: every command of the window in one searchable list. Typing narrows it (each word of the
// query must occur in the command; those starting with it rank first), arrows move, Enter runs the
// highlighted command and closes, Escape closes.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget* parent = nullptr);

    // Replaces the commands and shows the palette with an empty query.
    void popup(std::vector<Command> commands);

    QLineEdit* query() const { return query_; }
    QListWidget* list() const { return list_; }
    QStringList shown() const; // the commands listed now, in order

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void narrow();
    void runCurrent();

    QLineEdit* query_;
    QListWidget* list_;
    std::vector<Command> commands_;
};

} // namespace ts::ui
