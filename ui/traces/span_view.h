#pragma once
#include "model/trace.h"

#include <QWidget>

class QTableWidget;
class QTreeView;

namespace ts::ui {

class SpanTreeModel;

// The "Spans" tab: the span tree of a trace, and the attributes of the selected span beside it.
class SpanView : public QWidget
{
    Q_OBJECT
public:
    explicit SpanView(QWidget* parent = nullptr);

    void setTrace(const Trace& trace);
    void clear();
    SpanTreeModel* model() const { return model_; }
    QTreeView* tree() const { return tree_; }
    QTableWidget* attributeTable() const { return attributes_; }

private:
    void configureTree();
    void showSpan(const Span* span);
    void addRow(const QString& key, const QString& value);

    SpanTreeModel* model_;
    QTreeView* tree_;
    QTableWidget* attributes_;
};

// An attribute value as text: strings as they are, numbers plainly, lists comma-separated.
QString attributeText(const AttrValue& value);

} // namespace ts::ui
