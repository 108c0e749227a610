// PromptLibraryView's actions: saving, opening, comparing, pinning, renaming, deleting.
#include "playground/prompt_library_view.h"

#include "playground/prompt_library_jobs.h"
#include "playground/version_compare.h"

#include <QInputDialog>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QInputDialog* askName(QWidget* parent, const QString& title, const QString& label, const QString& initial)
{
    auto* dialog = new QInputDialog(parent);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(initial);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

QString quoted(const QString& name)
{
    return u"\u201C"_s % name % u"\u201D"_s;
}

const prompts::PromptVersion* neighbour(const std::vector<prompts::PromptVersion>& all, int number)
{
    const prompts::PromptVersion* before = nullptr;
    const prompts::PromptVersion* after = nullptr;
    for (const prompts::PromptVersion& v : all) {
        if (v.number < number && (!before || v.number > before->number))
            before = &v;
        if (v.number > number && (!after || v.number < after->number))
            after = &v;
    }
    return before ? before : after;
}

} // namespace

void PromptLibraryView::afterWrite(const std::string& error, const QString& select)
{
    report(error);
    if (!select.isEmpty())
        pendingSelect_ = select;
    refresh();
}

void PromptLibraryView::saveAs(const QString& name)
{
    if (!draftSource_)
        return;
    prompts::PromptVersionDraft draft = draftSource_();
    draft.name = name.toStdString();
    jobs_->run([draft](prompts::PromptLibrary& lib) { return lib.create(draft); },
               [this](const prompts::Result<prompts::PromptVersion>& r) {
                   const QString saved = QString::fromStdString(r.value.promptName);
                   if (r.ok()) {
                       setCurrentPrompt(saved);
                       Q_EMIT versionRecorded(r.value, true);
                   }
                   afterWrite(r.error, saved);
               });
}

void PromptLibraryView::recordSend(const prompts::PromptVersionDraft& draft, const QString& traceId)
{
    prompts::PromptVersionDraft named = draft;
    if (named.name.empty())
        named.name = current_.toStdString();
    if (named.name.empty())
        return;
    jobs_->run([named, trace = traceId.toStdString()](prompts::PromptLibrary& lib) { return lib.record(named, trace); },
               [this](const prompts::Result<prompts::Recorded>& r) {
                   if (r.ok())
                       Q_EMIT versionRecorded(r.value.version, r.value.added);
                   afterWrite(r.error);
               });
}

void PromptLibraryView::openSelected()
{
    const auto selected = selectedVersions();
    const prompts::PromptVersion* version = selected.size() == 1 ? selected.front() : nullptr;
    if (!version && selected.empty() && !versionList_.empty()) {
        version = &versionList_.front(); // the prompt itself: its pinned version, else the latest
        for (const prompts::PromptVersion& v : versionList_)
            if (v.pinned)
                version = &v;
    }
    if (!version)
        return;
    setCurrentPrompt(QString::fromStdString(version->promptName));
    Q_EMIT openRequested(*version);
}

VersionCompareDialog* PromptLibraryView::compareSelected()
{
    const auto selected = selectedVersions();
    const prompts::PromptVersion* a = selected.size() == 2 ? selected[0] : nullptr;
    const prompts::PromptVersion* b = selected.size() == 2 ? selected[1] : nullptr;
    if (selected.size() == 1) {
        a = neighbour(versionList_, selected.front()->number);
        b = selected.front();
        if (a && a->number > b->number)
            std::swap(a, b);
    }
    if (!a || !b)
        return nullptr;
    auto* dialog = new VersionCompareDialog(*a, *b, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void PromptLibraryView::togglePinSelected()
{
    const auto selected = selectedVersions();
    if (selected.size() != 1)
        return;
    const std::int64_t id = selected.front()->promptId;
    const int number = selected.front()->pinned ? 0 : selected.front()->number;
    jobs_->run([id, number](prompts::PromptLibrary& lib) { return number ? lib.pin(id, number) : lib.unpin(id); },
               [this](const prompts::Status& s) { afterWrite(s.error); });
}

void PromptLibraryView::renameSelected(const QString& newName)
{
    if (const prompts::PromptSummary* p = selectedPrompt())
        renamePrompt(p->id, QString::fromStdString(p->name), newName);
}

void PromptLibraryView::renamePrompt(std::int64_t id, const QString& oldName, const QString& newName)
{
    const std::string name = prompts::checkedName(newName.toStdString()).value;
    jobs_->run([id, name](prompts::PromptLibrary& lib) { return lib.rename(id, name); },
               [this, oldName, name = QString::fromStdString(name)](const prompts::Status& s) {
                   if (s.ok() && current_.compare(oldName, Qt::CaseInsensitive) == 0)
                       setCurrentPrompt(name);
                   afterWrite(s.error, s.ok() ? name : QString());
               });
}

void PromptLibraryView::deleteSelected()
{
    if (const prompts::PromptSummary* p = selectedPrompt())
        removePrompt(p->id, QString::fromStdString(p->name));
}

void PromptLibraryView::removePrompt(std::int64_t id, const QString& name)
{
    jobs_->run([id](prompts::PromptLibrary& lib) { return lib.remove(id); },
               [this, name](const prompts::Status& s) {
                   if (s.ok() && current_.compare(name, Qt::CaseInsensitive) == 0)
                       setCurrentPrompt({});
                   afterWrite(s.error);
               });
}

void PromptLibraryView::askSaveAs()
{
    QInputDialog* dialog = askName(this, u"Save prompt as"_s, u"Name of the saved prompt:"_s,
                                   current_.isEmpty() ? QString() : QString(current_ % u" (copy)"_s));
    connect(dialog, &QInputDialog::textValueSelected, this, &PromptLibraryView::saveAs);
    dialog->open();
}

void PromptLibraryView::askRename()
{
    const prompts::PromptSummary* p = selectedPrompt();
    if (!p)
        return;
    const QString old = QString::fromStdString(p->name);
    QInputDialog* dialog = askName(this, u"Rename prompt"_s, u"New name for "_s % quoted(old) % u':', old);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, id = p->id, old](const QString& name) { renamePrompt(id, old, name); });
    dialog->open();
}

void PromptLibraryView::askDelete()
{
    const prompts::PromptSummary* p = selectedPrompt();
    if (!p)
        return;
    const QString name = QString::fromStdString(p->name);
    auto* box = new QMessageBox(QMessageBox::Question, u"Delete prompt"_s,
                                u"Delete "_s % quoted(name) % u" and its "_s % QString::number(p->versionCount) %
                                    (p->versionCount == 1 ? u" version?"_s : u" versions?"_s) %
                                    u" This cannot be undone; traces of its sends stay."_s,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, id = p->id, name] { removePrompt(id, name); });
    box->open();
}

} // namespace ts::ui
