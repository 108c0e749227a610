#pragma once
#include "model/message.h"

#include <QWidget>

class QHBoxLayout;

namespace ts::ui {

// A row of image thumbnails, each with its type and size, optionally with a remove button.
// Thumbnails are decoded off the GUI thread and appear when ready.
class ImageChips : public QWidget
{
    Q_OBJECT
  public:
    explicit ImageChips(bool removable, QWidget* parent = nullptr);

    void add(const ImagePart& part, const QString& name);
    void removeAt(int index);
    void clear();
    int count() const { return static_cast<int>(chips_.size()); }
    int thumbnailsShown() const { return shown_; }

  Q_SIGNALS:
    void removeRequested(int index);

  private:
    QWidget* chip(const ImagePart& part, const QString& name);

    bool removable_;
    QHBoxLayout* row_;
    std::vector<QWidget*> chips_;
    int shown_ = 0;
};

} // namespace ts::ui
