#pragma once
#include "model/message.h"

#include <QImage>
#include <QString>

// Images attached to a prompt: what a file holds (by its bytes, not its name), whether it can be
// sent, and the ImagePart that carries it. Everything here may run off the GUI thread.
namespace ts::ui::images {

constexpr qint64 kMaxBytes = 20 * 1024 * 1024; // what OpenAI and Anthropic take per image

struct Loaded
{
    QString name; // the file's name, or "pasted image"
    ImagePart part;
    QString error; // in words; part is empty
};

QString sniffMediaType(const QByteArray& head); // image/png, image/jpeg, image/webp, image/gif, or empty
Loaded loadFile(const QString& path, qint64 maxBytes = kMaxBytes);
Loaded fromImage(const QImage& image); // a pasted image, sent as PNG
QImage thumbnail(const ImagePart& part, int size);
qint64 byteSize(const ImagePart& part);  // decoded size of the inline data
QString describe(const ImagePart& part); // "PNG · 1.2 MB"

} // namespace ts::ui::images
