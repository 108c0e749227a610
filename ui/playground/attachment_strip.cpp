#include "playground/attachment_strip.h"

#include "playground/image_chips.h"
#include "playground/image_files.h"

#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::ui {

AttachmentStrip::AttachmentStrip(QWidget* parent)
    : QWidget(parent), chips_(new ImageChips(true, this)), note_(new QLabel(this)), error_(new QLabel(this))
{
    note_->setText(u"+ images not counted by the token meter"_s);
    note_->setStyleSheet(u"color: palette(placeholder-text); font-size: 11px;"_s);
    error_->setObjectName(u"attachmentError"_s);
    error_->setStyleSheet(u"color: #c0392b;"_s);
    error_->setWordWrap(true);
    auto* row = new QHBoxLayout;
    chips_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    row->addWidget(chips_);
    row->addWidget(note_, 0, Qt::AlignBottom);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(error_);
    connect(chips_, &ImageChips::removeRequested, this, &AttachmentStrip::remove);
    refresh();
}

template <typename Job> void AttachmentStrip::load(Job job)
{
    ++pending_;
    QtConcurrent::run(std::move(job))
        .then(this,
              [this, generation = generation_](const images::Loaded& loaded) { landed(generation, loaded); });
}

void AttachmentStrip::addFiles(const QStringList& paths)
{
    error_->clear();
    for (const QString& path : paths)
        load([path] { return images::loadFile(path); });
    refresh();
}

void AttachmentStrip::addImage(const QImage& image)
{
    error_->clear();
    load([image] { return images::fromImage(image); });
    refresh();
}

void AttachmentStrip::setImages(const std::vector<ImagePart>& parts)
{
    clear();
    for (const ImagePart& p : parts) {
        parts_.push_back(p);
        chips_->add(p, u"image"_s);
    }
    refresh();
}

void AttachmentStrip::landed(std::uint64_t generation, const images::Loaded& loaded)
{
    if (generation != generation_)
        return; // cleared meanwhile: pending_ was reset then
    --pending_;
    if (!loaded.error.isEmpty()) {
        error_->setText(error_->text().isEmpty() ? loaded.error
                                                 : QString(error_->text() + u"\n"_s + loaded.error));
    } else {
        parts_.push_back(loaded.part);
        chips_->add(loaded.part, loaded.name);
    }
    refresh();
}

void AttachmentStrip::remove(int index)
{
    if (index < 0 || index >= static_cast<int>(parts_.size()))
        return;
    parts_.erase(parts_.begin() + index);
    chips_->removeAt(index);
    refresh();
}

void AttachmentStrip::clear()
{
    ++generation_;
    pending_ = 0;
    parts_.clear();
    chips_->clear();
    error_->clear();
    refresh();
}

QString AttachmentStrip::errorText() const
{
    return error_->text();
}

void AttachmentStrip::refresh()
{
    chips_->setVisible(!parts_.empty());
    note_->setVisible(!parts_.empty());
    error_->setVisible(!error_->text().isEmpty());
    setVisible(!parts_.empty() || !error_->text().isEmpty() || pending_ > 0);
    Q_EMIT changed();
}

} // namespace ts::ui
