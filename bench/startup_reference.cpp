// The floor for bench/startup_bench: a bare Qt Widgets window of the same shape as Tokenscope's (a
// menu bar, a navigation rail, a table), started and reported the way `tokenscope --startup-probe` is.
#include "startup_probe.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
    auto* central = new QWidget(&window);
    auto* layout = new QHBoxLayout(central);
    auto* rail = new QListWidget(central);
    for (const char* name : {"Playground", "Traces", "Compare", "Cache", "Guardrails", "Waterfall", "Latency", "Cost", "Drift", "Settings"})
        rail->addItem(QString::fromLatin1(name));
    auto* stack = new QStackedWidget(central);
    auto* model = new QStandardItemModel(50, 8, &window);
    auto* table = new QTableView(stack);
    table->setModel(model);
    stack->addWidget(table);
    layout->addWidget(rail);
    layout->addWidget(stack, 1);
    window.setCentralWidget(central);
    window.statusBar()->showMessage(QStringLiteral("ready"));
    window.resize(1280, 800);
    ts::app::reportWhenInteractive(window);
    window.show();
    return QApplication::exec();
}
