#pragma once
#include "settings/provider_config.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ts::ui {

// The API key in the provider editor. A stored key is never shown back: "•••• set in keychain"
// with Replace and Remove. A new key is typed into a password field and goes to the keychain on Save.
class KeyField : public QWidget
{
    Q_OBJECT
public:
    explicit KeyField(QWidget* parent = nullptr);

    // stored: the keychain holds a key for this profile; fallback: where the key comes from otherwise.
    void reset(bool stored, const QString& fallback);
    KeyChange change() const;
    QString typedKey() const;
    QLineEdit* input() const { return input_; }
    QPushButton* replaceButton() const { return replace_; }
    QPushButton* removeButton() const { return remove_; }
    QString statusText() const;

Q_SIGNALS:
    void changed();

private:
    enum class Mode { Stored, Entering, Removing };
    void setMode(Mode mode);

    QLabel* status_;
    QLineEdit* input_;
    QPushButton* replace_;
    QPushButton* remove_;
    QPushButton* undo_;
    QLabel* hint_;
    Mode mode_ = Mode::Entering;
    bool stored_ = false;
};

} // namespace ts::ui
