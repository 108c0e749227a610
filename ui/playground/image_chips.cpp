#include "playground/image_chips.h"

#include "playground/image_files.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

constexpr int kThumb = 64;

} // namespace

ImageChips::ImageChips(bool removable, QWidget* parent)
    : QWidget(parent), removable_(removable), row_(new QHBoxLayout(this))
{
    row_->setContentsMargins(0, 0, 0, 0);
    row_->setSpacing(6);
    row_->addStretch(1);
}

void ImageChips::add(const ImagePart& part, const QString& name)
{
    QWidget* c = chip(part, name);
    row_->insertWidget(row_->count() - 1, c);
    chips_.push_back(c);
    setVisible(true);
}

QWidget* ImageChips::chip(const ImagePart& part, const QString& name)
{
    auto* box = new QFrame(this);
    box->setObjectName(u"imageChip"_s);
    box->setStyleSheet(u"QFrame#imageChip { border: 1px solid palette(mid); border-radius: 4px; }"_s);
    box->setToolTip(name + u"\n"_s + images::describe(part));
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(4, 4, 4, 4);
    column->setSpacing(2);
    auto* picture = new QLabel(QString::fromStdString(part.mediaType).section(u'/', 1).toUpper(), box);
    picture->setFixedSize(kThumb, kThumb);
    picture->setAlignment(Qt::AlignCenter);
    auto* caption = new QLabel(images::describe(part), box);
    caption->setStyleSheet(u"font-size: 10px; color: palette(placeholder-text);"_s);
    column->addWidget(picture, 0, Qt::AlignHCenter);
    column->addWidget(caption, 0, Qt::AlignHCenter);
    if (removable_) {
        auto* remove = new QToolButton(box);
        remove->setText(u"Remove"_s);
        remove->setAutoRaise(true);
        remove->setAccessibleName(u"Remove image "_s + name);
        remove->setToolTip(u"Remove "_s + name);
        column->addWidget(remove, 0, Qt::AlignHCenter);
        connect(remove, &QToolButton::clicked, this, [this, box] {
            const auto it = std::find(chips_.begin(), chips_.end(), box);
            if (it != chips_.end())
                Q_EMIT removeRequested(static_cast<int>(it - chips_.begin()));
        });
    }
    QPointer<QLabel> target(picture);
    QtConcurrent::run([part] {
        return images::thumbnail(part, kThumb);
    }).then(this, [this, target](const QImage& t) {
        if (!target || t.isNull())
            return;
        target->setPixmap(QPixmap::fromImage(t));
        ++shown_;
    });
    return box;
}

void ImageChips::removeAt(int index)
{
    if (index < 0 || index >= count())
        return;
    delete chips_[static_cast<size_t>(index)];
    chips_.erase(chips_.begin() + index);
}

void ImageChips::clear()
{
    while (count() > 0)
        removeAt(count() - 1);
}

} // namespace ts::ui
