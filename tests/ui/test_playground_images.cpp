// Images in the playground, offscreen: files attached (by content, not by name) reach the user
// message as base64 with their media type; a file that is no image, or too big, is refused in
// words; a chip's remove button removes it; pasted images and dropped files attach too; the
// user's bubble shows thumbnails; Edit last brings the images back.
#include "playground/attachment_strip.h"
#include "playground/conversation_view.h"
#include "playground/image_chips.h"
#include "playground/image_files.h"
#include "playground/playground_panel.h"
#include "test_playground_fakes.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUrl>
#include <QtTest>

using namespace ts;
using namespace ts::ui;
using ts::ui::test::ScriptedSession;

namespace {

QString writeImage(const QTemporaryDir& dir, const QString& name, const char* format, QColor color = Qt::red)
{
    QImage image(24, 16, QImage::Format_RGB32);
    image.fill(color);
    const QString path = dir.filePath(name);
    if (!image.save(path, format))
        qFatal("could not write a test image");
    return path;
}

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("could not write a test file");
    file.write(bytes);
    return file.fileName();
}

QByteArray base64Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toBase64();
}

struct Rig
{
    QTemporaryDir dir;
    ScriptedSession session;
    PlaygroundPanel panel{&session};
    Rig()
    {
        panel.resize(1100, 700);
        panel.show();
    }
    AttachmentStrip* strip() const { return panel.attachments(); }
    QPlainTextEdit* composer() const { return panel.findChild<QPlainTextEdit*>(QStringLiteral("composer")); }
};

} // namespace

class TestPlaygroundImages : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void sniffsByContent_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("type");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << QStringLiteral("image/png");
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0") << QStringLiteral("image/jpeg");
        QTest::newRow("gif") << QByteArray("GIF89a..") << QStringLiteral("image/gif");
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << QStringLiteral("image/webp");
        QTest::newRow("riff but wav") << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << QString();
        QTest::newRow("text") << QByteArray("hello") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void sniffsByContent()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, type);
        QCOMPARE(images::sniffMediaType(head), type);
    }

    void attachedFilesReachTheUserMessage()
    {
        Rig rig;
        const QString png = writeImage(rig.dir, QStringLiteral("chart.png"), "PNG");
        const QString jpeg =
            writeImage(rig.dir, QStringLiteral("photo.dat"), "JPEG"); // the name does not say
        rig.strip()->addFiles({png, jpeg});
        QTRY_COMPARE(rig.strip()->images().size(), size_t{2});
        QVERIFY(!rig.strip()->loading());
        QCOMPARE(rig.strip()->chips()->count(), 2);
        QTRY_COMPARE(rig.strip()->chips()->thumbnailsShown(), 2);
        rig.panel.setPrompt(QStringLiteral("What is in these?"));
        rig.panel.send();
        QCOMPARE(rig.session.sent.size(), size_t{1});
        const Message& user = rig.session.sent[0].messages.back();
        QCOMPARE(user.role, Role::User);
        QCOMPARE(user.images.size(), size_t{2});
        // Files land in the order they finish loading; compare by type.
        const auto pngPart = std::find_if(user.images.begin(), user.images.end(),
                                          [](const ImagePart& p) { return p.mediaType == "image/png"; });
        const auto jpegPart = std::find_if(user.images.begin(), user.images.end(),
                                           [](const ImagePart& p) { return p.mediaType == "image/jpeg"; });
        QVERIFY(pngPart != user.images.end() && jpegPart != user.images.end());
        QCOMPARE(QByteArray::fromStdString(pngPart->base64), base64Of(png));
        QCOMPARE(QByteArray::fromStdString(jpegPart->base64), base64Of(jpeg));
        QCOMPARE(rig.panel.conversation()->at(0)->imageCount(), 2);
        QVERIFY(rig.strip()->images().empty()); // the composer is clear for the next message
        QVERIFY(rig.strip()->isHidden());
    }

    void anImageAloneCanBeSent()
    {
        Rig rig;
        // Qt writes no GIF: a 1x1 one, by hand.
        static const char gif[] =
            "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00,\x00\x00\x00\x00"
            "\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;";
        rig.strip()->addFiles({writeText(rig.dir, QStringLiteral("a.gif"), QByteArray(gif, sizeof gif - 1))});
        QTRY_COMPARE(rig.strip()->images().size(), size_t{1});
        rig.panel.send();
        QCOMPARE(rig.session.sent.size(), size_t{1});
        QCOMPARE(rig.session.sent[0].messages.back().images.at(0).mediaType, std::string("image/gif"));
    }

    void nonImagesAreRefusedInWords()
    {
        Rig rig;
        rig.strip()->addFiles({writeText(rig.dir, QStringLiteral("notes.png"), "just some notes\n")});
        QTRY_VERIFY(!rig.strip()->errorText().isEmpty());
        QVERIFY(rig.strip()->images().empty());
        QCOMPARE(
            rig.strip()->errorText(),
            QStringLiteral("notes.png is not a PNG, JPEG, WebP or GIF image, so it cannot be attached."));
        QVERIFY(rig.strip()->isVisibleTo(&rig.panel));
        const images::Loaded big =
            images::loadFile(writeImage(rig.dir, QStringLiteral("big.png"), "PNG"), 10);
        QVERIFY(big.part.base64.empty());
        QVERIFY2(big.error.startsWith(QStringLiteral("big.png is ")) &&
                     big.error.endsWith(QStringLiteral(" bytes; an image can be at most 10 bytes.")),
                 qPrintable(big.error));
        const images::Loaded missing = images::loadFile(rig.dir.filePath(QStringLiteral("gone.png")));
        QVERIFY(missing.error.startsWith(QStringLiteral("Could not read gone.png")));
    }

    void removeButtonRemovesTheChip()
    {
        Rig rig;
        rig.strip()->addFiles({writeImage(rig.dir, QStringLiteral("one.png"), "PNG")});
        QTRY_COMPARE(rig.strip()->images().size(), size_t{1});
        rig.strip()->addFiles({writeImage(rig.dir, QStringLiteral("two.jpg"), "JPEG")});
        QTRY_COMPARE(rig.strip()->images().size(), size_t{2});
        QToolButton* remove = nullptr;
        for (auto* b : rig.strip()->findChildren<QToolButton*>())
            if (b->accessibleName() == QStringLiteral("Remove image one.png"))
                remove = b;
        QVERIFY(remove);
        remove->click();
        QCOMPARE(rig.strip()->images().size(), size_t{1});
        QCOMPARE(rig.strip()->images()[0].mediaType, std::string("image/jpeg"));
        QCOMPARE(rig.strip()->chips()->count(), 1);
    }

    void pastedImagesAndFilesAttach()
    {
        Rig rig;
        QImage image(10, 10, QImage::Format_ARGB32);
        image.fill(Qt::blue);
        QGuiApplication::clipboard()->setImage(image);
        rig.composer()->paste();
        QTRY_COMPARE(rig.strip()->images().size(), size_t{1});
        QCOMPARE(rig.strip()->images()[0].mediaType, std::string("image/png"));
        QVERIFY(rig.composer()->toPlainText().isEmpty()); // not pasted as text
        auto* files = new QMimeData;
        files->setUrls({QUrl::fromLocalFile(writeImage(rig.dir, QStringLiteral("d.jpg"), "JPEG"))});
        QGuiApplication::clipboard()->setMimeData(files); // the same path a drop takes
        rig.composer()->paste();
        QTRY_COMPARE(rig.strip()->images().size(), size_t{2});
        QCOMPARE(rig.strip()->images()[1].mediaType, std::string("image/jpeg"));
        QGuiApplication::clipboard()->setText(QStringLiteral("plain text"));
        rig.composer()->paste();
        QCOMPARE(rig.composer()->toPlainText(), QStringLiteral("plain text"));
    }

    void editLastBringsTheImagesBack()
    {
        Rig rig;
        rig.strip()->addFiles({writeImage(rig.dir, QStringLiteral("e.png"), "PNG")});
        QTRY_COMPARE(rig.strip()->images().size(), size_t{1});
        rig.panel.setPrompt(QStringLiteral("look"));
        rig.panel.send();
        rig.session.replyText(QStringLiteral("A red square."));
        rig.panel.editLastMessage();
        QCOMPARE(rig.strip()->images().size(), size_t{1});
        QCOMPARE(rig.strip()->images()[0], rig.session.sent[0].messages.back().images[0]);
    }
};

QTEST_MAIN(TestPlaygroundImages)
#include "test_playground_images.moc"
