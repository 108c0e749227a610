#pragma once
#include "prompts/prompt_library.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>
#include <memory>
#include <type_traits>

namespace ts::ui {

// The prompt library's SQLite work, off the GUI thread: one worker thread runs the jobs in the
// order they were asked for (so a save is seen by the list that follows it), on the one library
// connection it owns, and each result lands on the GUI thread. Every job is a few rows.
class PromptLibraryJobs : public QObject
{
    Q_OBJECT
public:
    explicit PromptLibraryJobs(QObject* parent = nullptr);
    ~PromptLibraryJobs() override; // waits for the running job, a few milliseconds at most

    // Opens an existing workspace's library, replacing the one open; done(error) gets "" on success.
    void open(const QString& path, std::function<void(const QString& error)> done);

    // job(library) returns a prompts::Status or prompts::Result<T>; done(result) runs on the GUI
    // thread unless this object is gone. Without an open library the result says so.
    template <class Job, class Done>
    void run(Job job, Done done)
    {
        using R = std::invoke_result_t<Job, prompts::PromptLibrary&>;
        QtConcurrent::run(&pool_, [slot = slot_, job = std::move(job)]() -> R {
            if (!slot->library) {
                R none;
                none.error = slot->openError.empty() ? std::string(kNoWorkspace) : slot->openError;
                return none;
            }
            return job(*slot->library);
        }).then(this, std::move(done));
    }

private:
    static constexpr const char* kNoWorkspace = "No workspace is open.";

    // Touched only by jobs, which run one at a time.
    struct Slot
    {
        std::unique_ptr<prompts::PromptLibrary> library;
        std::string openError;
    };

    QThreadPool pool_;
    std::shared_ptr<Slot> slot_ = std::make_shared<Slot>();
};

} // namespace ts::ui
