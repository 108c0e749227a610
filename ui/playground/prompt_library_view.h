#pragma once
#include "prompts/prompt_version.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace ts::ui {

class PromptLibraryJobs;
class VersionCompareDialog;

// The playground's saved prompts: a filter box, the prompts (name, versions, pinned one), the
// selected prompt's versions (number, time, model, first line), and what to do with them. All
// SQLite work runs on PromptLibraryJobs' worker; the lists show snapshots that land from it.
//
// The "current prompt" is the saved prompt the playground is editing: set by Open and Save as,
// followed through renames, cleared when it is deleted. recordSend() files sends under it.
class PromptLibraryView : public QWidget
{
    Q_OBJECT
public:
    using DraftSource = std::function<prompts::PromptVersionDraft()>;

    explicit PromptLibraryView(QWidget* parent = nullptr);
    ~PromptLibraryView() override;

    // An existing workspace file (the one the app's TraceStore opened).
    void setWorkspace(const QString& path);
    // What "Save as…" saves: the playground's draft (its name is replaced by the one asked for).
    void setDraftSource(DraftSource source);

    // Call on every send. Files the draft as a version of draft.name, or of the current prompt when
    // the draft has no name; an unnamed draft with no current prompt is not saved. A new version is
    // made only when the content differs from the latest one.
    void recordSend(const prompts::PromptVersionDraft& draft, const QString& traceId);
    QString currentPrompt() const { return current_; }
    void setCurrentPrompt(const QString& name);

    void refresh();
    // The actions behind the buttons, without their dialogs.
    void saveAs(const QString& name);
    void openSelected();
    VersionCompareDialog* compareSelected();
    void togglePinSelected();
    void renameSelected(const QString& newName);
    void deleteSelected();
    bool selectPrompt(const QString& name);

    QSortFilterProxyModel* promptModel() const { return promptProxy_; }
    QStandardItemModel* versionModel() const { return versions_; }
    QTreeView* promptView() const { return promptView_; }
    QTreeView* versionView() const { return versionView_; }
    QLineEdit* filterBox() const { return filter_; }
    QString statusText() const;

Q_SIGNALS:
    void openRequested(const ts::prompts::PromptVersion& version);
    void versionRecorded(const ts::prompts::PromptVersion& version, bool added);
    void currentPromptChanged(const QString& name);
    void failed(const QString& message);
    void listLoaded();     // the prompt list shows the library as it is now
    void versionsLoaded(); // the version list shows the selected prompt's versions

private:
    QWidget* buildPromptBox();
    QWidget* buildVersionBox();
    void wire();
    void askSaveAs();
    void askRename();
    void askDelete();
    void listLanded(std::uint64_t generation, const std::vector<prompts::PromptSummary>& list);
    void loadVersions();
    void versionsLanded(std::uint64_t generation, std::int64_t promptId,
                        const std::vector<prompts::PromptVersion>& versions);
    void report(const std::string& error);
    void updateButtons();
    std::int64_t selectedPromptId() const;
    const prompts::PromptSummary* selectedPrompt() const;
    std::vector<const prompts::PromptVersion*> selectedVersions() const;
    void afterWrite(const std::string& error, const QString& select = {});
    void renamePrompt(std::int64_t id, const QString& oldName, const QString& newName);
    void removePrompt(std::int64_t id, const QString& name);

    PromptLibraryJobs* jobs_;
    DraftSource draftSource_;
    QString current_;
    QString pendingSelect_; // a prompt to select once the list lands
    std::vector<prompts::PromptSummary> prompts_;
    std::vector<prompts::PromptVersion> versionList_;
    std::int64_t versionsOf_ = 0;
    std::uint64_t listGeneration_ = 0;
    std::uint64_t versionGeneration_ = 0;
    bool open_ = false;

    QLineEdit* filter_;
    QStandardItemModel* promptItems_;
    QSortFilterProxyModel* promptProxy_;
    QTreeView* promptView_;
    QStandardItemModel* versions_;
    QTreeView* versionView_;
    QLabel* versionsTitle_;
    QLabel* empty_; // what the library is for, while it holds nothing
    QLabel* status_;
    QPushButton* saveAs_;
    QPushButton* rename_;
    QPushButton* delete_;
    QPushButton* openButton_;
    QPushButton* compare_;
    QPushButton* pin_;
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::prompts::PromptVersion)
