#pragma once
#include <QPlainTextEdit>

namespace ts::ui {

// The message box. Text pastes and drops as text; files dropped or pasted, and pasted images,
// are handed on as attachments instead of landing in the text as paths.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
  public:
    using QPlainTextEdit::QPlainTextEdit;

  Q_SIGNALS:
    void filesOffered(const QStringList& paths);
    void imageOffered(const QImage& image);

  protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
};

} // namespace ts::ui
