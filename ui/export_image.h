#pragma once

#include <QString>

class QWidget;

namespace reslab::ui {

/// Draws `w` into `path`, in the format its extension names: .png (at twice the widget's
/// resolution), .svg (vector, titled, with a viewBox) or .pdf (vector, one page the widget's size).
/// The file is written all or nothing. On failure returns false and sets `error` to a message
/// naming the path and the reason (unknown extension, unwritable path, encoder failure).
bool exportWidgetImage(QWidget *w, const QString &path, QString *error);

} // namespace reslab::ui
