#include "screenshot_playground.h"

#include "playground/conversation_view.h"
#include "playground/format_form.h"
#include "playground/playground_panel.h"
#include "playground/request_form.h"
#include "playground/tool_call_block.h"
#include "playground/tool_calls_view.h"
#include "playground/tools_form.h"

using namespace Qt::StringLiterals;

namespace ts::app {

namespace {

void answerCalls(ui::PlaygroundPanel& panel)
{
    ui::MessageBubble* reply = panel.conversation()->last();
    if (!reply || !reply->toolCalls())
        return;
    for (ui::ToolCallBlock* block : reply->toolCalls()->blocks())
        block->setAnswer(u"{\"temperature_c\": 21, \"sky\": \"clear\"}"_s);
}

} // namespace

void stagePlaygroundExample(ui::PlaygroundPanel& panel, std::function<void()> ready)
{
    panel.newChat();
    ui::RequestForm* form = panel.form();
    form->selectModel(u"simulated"_s, u"gpt-4o-mini"_s);
    form->toolsForm()->setTools({ui::exampleTool()});
    form->formatForm()->setFormat(
        {ResponseFormat::Type::JsonSchema, "answer", ui::exampleSchema().toStdString(), true});
    form->showTab(ui::RequestForm::Tab::Tools);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        QObject::connect(&panel, &ui::PlaygroundPanel::replyFinished, &panel, [&panel, ready, connection] {
            QObject::disconnect(*connection);
            answerCalls(panel);
            ready();
        });
    panel.setPrompt(u"What is the weather in Lisbon right now?"_s);
    panel.send();
}

} // namespace ts::app
