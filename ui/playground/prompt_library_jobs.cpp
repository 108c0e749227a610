#include "playground/prompt_library_jobs.h"

namespace ts::ui {

PromptLibraryJobs::PromptLibraryJobs(QObject* parent) : QObject(parent)
{
    pool_.setMaxThreadCount(1);
    pool_.setObjectName(QStringLiteral("prompt-library"));
}

PromptLibraryJobs::~PromptLibraryJobs()
{
    pool_.clear();
    pool_.waitForDone();
}

void PromptLibraryJobs::open(const QString& path, std::function<void(const QString&)> done)
{
    QtConcurrent::run(&pool_, [slot = slot_, path = path.toStdString()] {
        slot->library.reset();
        slot->openError.clear();
        try {
            slot->library = prompts::PromptLibrary::open(path);
        } catch (const std::exception& e) {
            slot->openError = e.what();
        }
        return QString::fromStdString(slot->openError);
    }).then(this, std::move(done));
}

} // namespace ts::ui
