#include "playground/image_files.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace ts::ui::images {

namespace {

QString megabytes(qint64 bytes)
{
    if (bytes < 1024)
        return QString::number(bytes) + u" bytes"_s;
    if (bytes < 1024 * 1024)
        return QString::number((bytes + 1023) / 1024) + u" KB"_s;
    return QLocale::c().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1) + u" MB"_s;
}

Loaded refused(const QString& name, const QString& why)
{
    return {name, {}, why};
}

Loaded encoded(const QString& name, const QString& mediaType, const QByteArray& bytes)
{
    return {name, ImagePart{mediaType.toStdString(), bytes.toBase64().toStdString(), {}}, {}};
}

} // namespace

QString sniffMediaType(const QByteArray& head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return u"image/gif"_s;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

Loaded loadFile(const QString& path, qint64 maxBytes)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (info.size() > maxBytes)
        return refused(name, name + u" is "_s + megabytes(info.size()) + u"; an image can be at most "_s +
                                 megabytes(maxBytes) + u"."_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(name, u"Could not read "_s + name + u": "_s + file.errorString());
    const QByteArray bytes = file.readAll();
    const QString type = sniffMediaType(bytes.left(16));
    if (type.isEmpty())
        return refused(name, name + u" is not a PNG, JPEG, WebP or GIF image, so it cannot be attached."_s);
    return encoded(name, type, bytes);
}

Loaded fromImage(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        return refused(u"pasted image"_s, u"The pasted image could not be read."_s);
    if (bytes.size() > kMaxBytes)
        return refused(u"pasted image"_s, u"The pasted image is "_s + megabytes(bytes.size()) +
                                              u" as PNG; an image can be at most "_s + megabytes(kMaxBytes) +
                                              u"."_s);
    return encoded(u"pasted image"_s, u"image/png"_s, bytes);
}

QImage thumbnail(const ImagePart& part, int size)
{
    QImage image;
    image.loadFromData(QByteArray::fromBase64(QByteArray::fromStdString(part.base64)));
    return image.isNull() ? image : image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

qint64 byteSize(const ImagePart& part)
{
    return qint64(part.base64.size()) * 3 / 4;
}

QString describe(const ImagePart& part)
{
    const QString type = QString::fromStdString(part.mediaType).section(u'/', 1).toUpper();
    if (part.base64.empty())
        return type.isEmpty() ? u"image URL"_s : QString(type + u" · URL"_s);
    return type + u" · "_s + megabytes(byteSize(part));
}

} // namespace ts::ui::images
