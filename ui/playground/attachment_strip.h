#pragma once
#include "model/message.h"

#include <QWidget>

class QLabel;

namespace ts::ui {

class ImageChips;
namespace images {
struct Loaded;
}

// The images attached to the message being written: files (the Attach button, drops) and pasted
// images are read and checked off the GUI thread, then show as chips with a remove button.
// A refused file says why, in words.
class AttachmentStrip : public QWidget
{
    Q_OBJECT
  public:
    explicit AttachmentStrip(QWidget* parent = nullptr);

    void addFiles(const QStringList& paths);
    void addImage(const QImage& image);
    void setImages(const std::vector<ImagePart>& parts); // back into the composer (Edit last)
    void remove(int index);
    void clear();
    std::vector<ImagePart> images() const { return parts_; }
    bool loading() const { return pending_ > 0; }
    QString errorText() const;
    ImageChips* chips() const { return chips_; }

  Q_SIGNALS:
    void changed();

  private:
    template <typename Job> void load(Job job);
    void landed(std::uint64_t generation, const images::Loaded& loaded);
    void refresh();

    ImageChips* chips_;
    QLabel* note_;
    QLabel* error_;
    std::vector<ImagePart> parts_;
    int pending_ = 0;
    std::uint64_t generation_ = 0; // bumped by clear(): files still loading for an old draft are dropped
};

} // namespace ts::ui
