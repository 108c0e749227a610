#include "common/search_wiring.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace ts::ui {

void wireSearch(QLineEdit* box, QSortFilterProxyModel* proxy, int debounceMs)
{
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto* pause = new QTimer(box);
    pause->setSingleShot(true);
    pause->setInterval(debounceMs);
    QObject::connect(box, &QLineEdit::textChanged, pause, qOverload<>(&QTimer::start));
    QObject::connect(pause, &QTimer::timeout, proxy,
                     [box, proxy] { proxy->setFilterFixedString(box->text().trimmed()); });
    box->setClearButtonEnabled(true);
}

} // namespace ts::ui
