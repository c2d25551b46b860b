#pragma once

#include "editor/editor_hub.h"

#include <string>

class QBoxLayout;
class QFrame;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace reslab::ui {

/// The shared body of the editor's input fields (numbers, choices, check boxes, outcome lists,
/// text): a BoundField (the binding to one document path and its error display) laid out as a
/// column of the field's own rows, then the frame holding its controls (it turns red on an
/// error), then the error line under it; plus the grey hint ("default", "inherited") and the
/// reset-to-default button and action, which remove the key from the document.
class FramedField : public BoundField
{
    Q_OBJECT

public:
    /// The hint next to the value, or nullptr if the field has none.
    QLabel *hintLabel() const { return m_hint; }
    /// The ↺ (or ×) button, or nullptr if the field has none.
    QToolButton *resetButton() const { return m_reset; }

protected:
    FramedField(EditorHub *hub, std::string path, QWidget *parent);

    /// The field's column: rows added before the frame sit above it.
    QVBoxLayout *column() const { return m_column; }
    /// Adds the frame (objectName "frame") and the error line under it, with a row, a column
    /// or a grid inside for the controls. Called once.
    QHBoxLayout *addFrameRow(int spacing);
    QVBoxLayout *addFrameColumn(int spacing);
    QGridLayout *addFrameGrid(int horizontalSpacing, int verticalSpacing);
    QFrame *frame() const { return m_frame; }

    /// A label with the field's title (objectName "label"), wrapping at camelCase boundaries.
    static QLabel *makeLabel(const QString &text, QWidget *parent);
    /// Creates the hint (objectName "hint", grey italic); the caller places it.
    QLabel *makeHint(QWidget *parent);
    /// Creates the reset button (objectName "reset"): ↺ "reset to default", or × "remove from
    /// the phase" with `remove`. Clicking it removes the key. The caller places it.
    QToolButton *makeResetButton(QWidget *parent, bool remove = false);
    /// The reset as a right-click action too (objectName "resetAction").
    void addResetAction(const QString &text);

    /// Shows `text` as the hint (hidden when empty).
    void setHint(const QString &text);
    void setResetVisible(bool visible);
    /// The key is absent and its default shows (or not): the field's "isDefault" property, the
    /// "default" hint shown and the reset button hidden while the default shows.
    void showDefault(bool isDefault);

    /// Set while the field updates its own controls (their signals must not write).
    bool m_updating = false;

private:
    QFrame *addFrame();

    QVBoxLayout *m_column = nullptr;
    QFrame *m_frame = nullptr;
    QLabel *m_hint = nullptr;
    QToolButton *m_reset = nullptr;
};

/// The shared red-border style of field frames (set once, on the editor).
QString fieldStyleSheet();

} // namespace reslab::ui
