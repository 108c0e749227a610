#pragma once
#include <QObject>
#include <QStringList>

#include <memory>

class QMimeData;
class QProgressDialog;
class QWidget;

namespace ts {
class TraceStore;
}

namespace ts::ui {

class ImportJob;

// What the window does to import logs: from File ▸ Import logs… or files dropped on it. A
// progress dialog with Cancel appears only when the import takes longer than half a second;
// the result goes to the status bar, and problems (file:line: reason) to a dialog.
class ImportFlow : public QObject
{
    Q_OBJECT
public:
    ImportFlow(std::shared_ptr<TraceStore> store, QWidget* window);
    ~ImportFlow() override;

    void chooseFiles();
    // False while an import runs (the user is told) or when there are no files.
    bool importFiles(const QStringList& files);
    ImportJob* job() const { return job_; }

    // The local files a drag carries, or none when it carries anything else.
    static QStringList localFiles(const QMimeData* mime);

Q_SIGNALS:
    void status(const QString& text);
    void imported(const QString& summary, const QString& details);

private:
    QWidget* window_;
    ImportJob* job_;
    QProgressDialog* progress_ = nullptr;
};

} // namespace ts::ui
