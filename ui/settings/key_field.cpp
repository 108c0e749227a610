#include "settings/key_field.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

KeyField::KeyField(QWidget* parent)
    : QWidget(parent), status_(new QLabel(this)), input_(new QLineEdit(this)),
      replace_(new QPushButton(u"Replace…"_s, this)), remove_(new QPushButton(u"Remove"_s, this)),
      undo_(new QPushButton(u"Keep stored key"_s, this)), hint_(new QLabel(this))
{
    input_->setEchoMode(QLineEdit::Password);
    input_->setPlaceholderText(u"stored in the system keychain"_s);
    input_->setAccessibleName(u"API key"_s);
    input_->setClearButtonEnabled(true);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(status_);
    row->addWidget(input_, 1);
    row->addWidget(replace_);
    row->addWidget(remove_);
    row->addWidget(undo_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(hint_);
    connect(replace_, &QPushButton::clicked, this, [this] {
        setMode(Mode::Entering);
        input_->setFocus();
    });
    connect(remove_, &QPushButton::clicked, this, [this] { setMode(Mode::Removing); });
    connect(undo_, &QPushButton::clicked, this, [this] { setMode(Mode::Stored); });
    connect(input_, &QLineEdit::textChanged, this, &KeyField::changed);
}

void KeyField::reset(bool stored, const QString& fallback)
{
    stored_ = stored;
    input_->clear();
    hint_->setText(fallback);
    hint_->setVisible(!fallback.isEmpty());
    setMode(stored ? Mode::Stored : Mode::Entering);
}

void KeyField::setMode(Mode mode)
{
    mode_ = mode;
    if (mode != Mode::Entering)
        input_->clear(); // a typed key does not linger in a hidden field
    status_->setText(mode == Mode::Stored     ? u"•••• set in keychain"_s
                     : mode == Mode::Removing ? u"removed from the keychain on Save"_s
                                              : QString());
    status_->setVisible(mode != Mode::Entering);
    input_->setVisible(mode == Mode::Entering);
    replace_->setVisible(mode == Mode::Stored);
    remove_->setVisible(mode == Mode::Stored);
    undo_->setVisible(stored_ && mode != Mode::Stored);
    Q_EMIT changed();
}

KeyChange KeyField::change() const
{
    if (mode_ == Mode::Removing)
        return {KeyChange::Action::Remove, {}};
    if (mode_ == Mode::Entering && !input_->text().isEmpty())
        return {KeyChange::Action::Replace, input_->text()};
    return {};
}

QString KeyField::typedKey() const { return mode_ == Mode::Entering ? input_->text() : QString(); }

QString KeyField::statusText() const { return mode_ == Mode::Entering ? QString() : status_->text(); }

} // namespace ts::ui
