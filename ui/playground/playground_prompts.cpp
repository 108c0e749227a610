// The playground's saved prompts: the library beside the form, the variables form under the
// conversation, and opening a saved version into the form and composer.
#include "playground/composer.h"
#include "playground/format_form.h"
#include "playground/playground_panel.h"
#include "playground/prompt_library_view.h"
#include "playground/request_form.h"
#include "playground/tools_form.h"
#include "playground/variables_form.h"
#include "prompts/prompt_request.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

void PlaygroundPanel::wirePrompts()
{
    library_->setDraftSource([this] { return promptDraft(); });
    connect(composer_, &QPlainTextEdit::textChanged, this, &PlaygroundPanel::retemplate);
    connect(form_, &RequestForm::changed, this, &PlaygroundPanel::retemplate);
    connect(library_, &PromptLibraryView::currentPromptChanged, variables_, &VariablesForm::setPromptKey);
    connect(library_, &PromptLibraryView::openRequested, this, &PlaygroundPanel::openVersion);
    connect(library_, &PromptLibraryView::failed, this, &PlaygroundPanel::showNotice);
    connect(variables_, &VariablesForm::changed, this, &PlaygroundPanel::promptChanged);
}

void PlaygroundPanel::setPromptWorkspace(const QString& path)
{
    library_->setWorkspace(path);
}

// The variables form follows the prompt's {{variables}}, and shows only when there are some.
void PlaygroundPanel::retemplate()
{
    variables_->setTemplate(form_->systemPrompt(), composer_->toPlainText());
    variables_->setVisible(!variables_->variables().isEmpty());
}

prompts::PromptVersionDraft PlaygroundPanel::promptDraft() const
{
    prompts::PromptVersionDraft d;
    d.content = prompts::contentOf(form_->request(), composer_->toPlainText().trimmed().toStdString());
    d.variables = variables_->values();
    return d;
}

void PlaygroundPanel::openVersion(const prompts::PromptVersion& v)
{
    if (session_->busy())
        return;
    newChat();
    form_->selectModel(QString::fromStdString(v.content.provider), QString::fromStdString(v.content.model));
    form_->setSystemPrompt(QString::fromStdString(v.content.system));
    form_->setParameters(v.content.params.temperature, v.content.params.maxTokens);
    form_->toolsForm()->setTools(v.content.params.tools);
    form_->formatForm()->setFormat(v.content.params.responseFormat);
    composer_->setPlainText(QString::fromStdString(v.content.templateText));
    variables_->setValues(v.variables);
    showNotice(u"Opened "_s + QString::fromStdString(v.promptName) + u" v"_s + QString::number(v.number) +
               (v.pinned ? u" (pinned)"_s : QString()) +
               u". Sending it again files the send under this prompt; a change makes a new version."_s);
}

} // namespace ts::ui
