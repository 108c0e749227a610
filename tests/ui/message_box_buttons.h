#pragma once
// Finding a confirmation's buttons the way a user does: by what they do, not by their text.
#include <QAbstractButton>
#include <QMessageBox>

namespace ts::uitest {

inline QAbstractButton* buttonWithRole(QMessageBox* box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton* b : box->buttons())
        if (box->buttonRole(b) == role)
            return b;
    return nullptr;
}

} // namespace ts::uitest
