#include "editor/bool_field.h"

#include "i18n/texts.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace reslab::ui {
namespace {

/// Clicking the label toggles the check box.
class LabelClickFilter final : public QObject
{
public:
    LabelClickFilter(QCheckBox *box, QObject *parent)
        : QObject(parent)
        , m_box(box)
    {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonRelease && m_box->isEnabled()) {
            m_box->click();
            return true;
        }
        return false;
    }

private:
    QCheckBox *m_box;
};

} // namespace

BoolField::BoolField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent)
    : FramedField(hub, std::move(path), parent)
    , m_info(info)
{
    auto *row = addFrameRow(4);
    QFrame *frame = this->frame();
    m_box = new QCheckBox(frame);
    m_box->setObjectName("check");
    auto *label = makeLabel(schemaText(info.label), frame);
    label->installEventFilter(new LabelClickFilter(m_box, label));
    row->addWidget(m_box, 0, Qt::AlignVCenter);
    row->addWidget(label, 1, Qt::AlignVCenter);
    row->addWidget(makeHint(frame), 0, Qt::AlignVCenter);
    row->addWidget(makeResetButton(frame), 0, Qt::AlignVCenter);

    QString tip =
        QStringLiteral("<p><b>%1</b></p><p>%2</p><p style='color:gray'>%3</p>")
            .arg(schemaText(info.label).toHtmlEscaped(), schemaText(info.tooltip).toHtmlEscaped(),
                 tr("key <code>%1</code> · default %2")
                     .arg(toQString(info.key), info.defaultValue != 0 ? "true" : "false"));
    if (!info.library.empty())
        tip += QStringLiteral("<p style='color:gray'>%1</p>")
                   .arg(toQString(info.library).toHtmlEscaped());
    label->setToolTip(tip);
    m_box->setToolTip(tip);

    connect(m_box, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating && !retired())
            m_hub->write(m_path, on);
    });
    refresh();
    refreshErrors();
}

void BoolField::refresh()
{
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    const bool on = v.is_boolean() ? v.get<bool>() : m_info.defaultValue != 0;
    m_updating = true;
    m_box->setChecked(on);
    m_updating = false;
    showDefault(!present);
}

} // namespace reslab::ui
