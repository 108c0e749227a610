#include "playground/composer.h"

#include <QImage>
#include <QMimeData>
#include <QUrl>

namespace ts::ui {

namespace {

QStringList localFiles(const QMimeData* source)
{
    QStringList paths;
    if (source->hasUrls())
        for (const QUrl& url : source->urls())
            if (url.isLocalFile())
                paths << url.toLocalFile();
    return paths;
}

} // namespace

bool Composer::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasImage() || !localFiles(source).isEmpty() ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData* source)
{
    if (const QStringList files = localFiles(source); !files.isEmpty())
        Q_EMIT filesOffered(files);
    else if (source->hasImage())
        Q_EMIT imageOffered(qvariant_cast<QImage>(source->imageData()));
    else
        QPlainTextEdit::insertFromMimeData(source);
}

} // namespace ts::ui
