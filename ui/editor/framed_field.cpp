#include "editor/framed_field.h"

#include <QAction>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace reslab::ui {

QString fieldStyleSheet()
{
    return QStringLiteral("QFrame#frame { border: 1px solid transparent; border-radius: 3px; }"
                          "QFrame#frame[hasError=\"true\"] { border: 1px solid #d32f2f;"
                          " background: rgba(211, 47, 47, 18); }");
}

FramedField::FramedField(EditorHub *hub, std::string path, QWidget *parent)
    : BoundField(hub, std::move(path), parent)
{
    m_column = new QVBoxLayout(this);
    m_column->setContentsMargins(0, 2, 0, 2);
    m_column->setSpacing(1);
}

QFrame *FramedField::addFrame()
{
    Q_ASSERT(!m_frame);
    m_frame = new QFrame(this);
    m_frame->setObjectName("frame");
    m_column->addWidget(m_frame);
    auto *error = makeErrorLabel(this);
    m_column->addWidget(error);
    setErrorWidgets(m_frame, error);
    return m_frame;
}

QHBoxLayout *FramedField::addFrameRow(int spacing)
{
    auto *row = new QHBoxLayout(addFrame());
    row->setContentsMargins(2, 1, 2, 1);
    row->setSpacing(spacing);
    return row;
}

QVBoxLayout *FramedField::addFrameColumn(int spacing)
{
    auto *column = new QVBoxLayout(addFrame());
    column->setContentsMargins(2, 1, 2, 1);
    column->setSpacing(spacing);
    return column;
}

QGridLayout *FramedField::addFrameGrid(int horizontalSpacing, int verticalSpacing)
{
    auto *grid = new QGridLayout(addFrame());
    grid->setContentsMargins(2, 1, 2, 1);
    grid->setHorizontalSpacing(horizontalSpacing);
    grid->setVerticalSpacing(verticalSpacing);
    return grid;
}

QLabel *FramedField::makeLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(breakableName(text), parent);
    l->setObjectName("label");
    l->setWordWrap(true);
    l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    return l;
}

QLabel *FramedField::makeHint(QWidget *parent)
{
    Q_ASSERT(!m_hint);
    m_hint = new QLabel(parent);
    m_hint->setObjectName("hint");
    QFont f = m_hint->font();
    f.setItalic(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    m_hint->setFont(f);
    QPalette pal = m_hint->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    m_hint->setPalette(pal);
    return m_hint;
}

QToolButton *FramedField::makeResetButton(QWidget *parent, bool remove)
{
    Q_ASSERT(!m_reset);
    m_reset = new QToolButton(parent);
    m_reset->setObjectName("reset");
    m_reset->setAutoRaise(true);
    m_reset->setText(remove ? QString::fromUtf8("\u00d7") : QString::fromUtf8("\u21ba"));
    m_reset->setToolTip(remove ? tr("Remove this value from the phase")
                               : tr("Reset to default (removes the key from the file)"));
    m_reset->setFocusPolicy(Qt::NoFocus);
    m_reset->setFixedSize(20, 20);
    connect(m_reset, &QToolButton::clicked, this, [this] {
        if (!retired())
            m_hub->write(m_path, nullptr);
    });
    return m_reset;
}

void FramedField::addResetAction(const QString &text)
{
    Q_ASSERT(m_reset);
    auto *action = new QAction(text, this);
    action->setObjectName("resetAction");
    connect(action, &QAction::triggered, m_reset, &QToolButton::click);
    addAction(action);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void FramedField::setHint(const QString &text)
{
    if (!m_hint)
        return;
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

void FramedField::setResetVisible(bool visible)
{
    if (m_reset)
        m_reset->setVisible(visible);
}

void FramedField::showDefault(bool isDefault)
{
    setProperty("isDefault", isDefault);
    if (m_hint) {
        m_hint->setText(tr("default"));
        m_hint->setVisible(isDefault);
    }
    setResetVisible(!isDefault);
}

} // namespace reslab::ui
