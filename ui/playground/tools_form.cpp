#include "playground/tools_form.h"

#include "playground/tool_editor.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

ToolDefinition exampleTool()
{
    return {"get_weather", "Current weather for a city",
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"city\": {\"type\": \"string\"},\n"
            "    \"unit\": {\"enum\": [\"c\", \"f\"]}\n  },\n  \"required\": [\"city\"]\n}"};
}

ToolsForm::ToolsForm(QWidget* parent) : QWidget(parent), list_(new QVBoxLayout), hint_(new QLabel(this))
{
    auto* content = new QWidget(this);
    auto* add = new QPushButton(u"Add tool"_s, content);
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(list_);
    column->addWidget(add, 0, Qt::AlignLeft); // under the last tool, where the next one goes
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(hint_);
    layout->addWidget(scroll, 1);
    connect(add, &QPushButton::clicked, this, [this] { addTool(); });
    updateHint();
}

ToolEditor* ToolsForm::addTool()
{
    ToolDefinition tool = exampleTool();
    if (!editors_.empty())
        tool.name = "tool_" + std::to_string(editors_.size() + 1);
    return addTool(tool);
}

ToolEditor* ToolsForm::addTool(const ToolDefinition& tool)
{
    auto* editor = new ToolEditor(tool, this);
    list_->addWidget(editor);
    editors_.push_back(editor);
    connect(editor, &ToolEditor::changed, this, &ToolsForm::changed);
    connect(editor, &ToolEditor::removeRequested, this, [this, editor] { remove(editor); });
    connect(editor, &ToolEditor::duplicateRequested, this, [this, editor] {
        ToolDefinition copy = editor->definition();
        copy.name += "_copy";
        addTool(copy);
    });
    updateHint();
    Q_EMIT changed();
    return editor;
}

void ToolsForm::remove(ToolEditor* editor)
{
    std::erase(editors_, editor);
    editor->deleteLater();
    updateHint();
    Q_EMIT changed();
}

void ToolsForm::setTools(const std::vector<ToolDefinition>& tools)
{
    for (ToolEditor* e : editors_)
        delete e;
    editors_.clear();
    for (const ToolDefinition& t : tools)
        addTool(t);
    updateHint();
    Q_EMIT changed();
}

std::vector<ToolDefinition> ToolsForm::offeredTools() const
{
    std::vector<ToolDefinition> out;
    for (const ToolEditor* e : editors_)
        if (e->isOffered())
            out.push_back(e->definition());
    return out;
}

QString ToolsForm::problem() const
{
    for (const ToolEditor* e : editors_)
        if (e->isOffered() && !e->problem().isEmpty())
            return u"Tool \""_s + QString::fromStdString(e->definition().name) + u"\": "_s + e->problem();
    return {};
}

void ToolsForm::updateHint()
{
    hint_->setText(editors_.empty() ? u"No tools. Add a function the model may call; its calls show in the "
                                      u"conversation for you to answer."_s
                                    : u"Checked tools are sent with the request."_s);
}

} // namespace ts::ui
