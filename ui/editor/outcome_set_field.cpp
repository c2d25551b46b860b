#include "editor/outcome_set_field.h"

#include "editor/field_json.h"

#include <QCheckBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace reslab::ui {

OutcomeSetField::OutcomeSetField(EditorHub *hub, std::string path, const QString &label,
                                 std::vector<std::string> defaults, const QString &tooltip,
                                 QWidget *parent)
    : FramedField(hub, std::move(path), parent)
    , m_defaults(std::move(defaults))
{
    auto *header = new QHBoxLayout;
    auto *title = makeLabel(label, this);
    title->setToolTip(tooltip);
    header->addWidget(title, 1);
    header->addWidget(makeHint(this));
    header->addWidget(makeResetButton(this));
    column()->addLayout(header);
    auto *grid = addFrameGrid(8, 0);
    QFrame *frame = this->frame();
    int i = 0;
    for (const std::string &name : outcomeNames()) {
        auto *box = new QCheckBox(QString::fromStdString(name), frame);
        box->setObjectName(QString::fromStdString("outcome:" + name));
        box->setToolTip(tooltip);
        grid->addWidget(box, i / 2, i % 2);
        m_boxes.emplace_back(name, box);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_updating && !retired())
                write();
        });
        ++i;
    }
    refresh();
    refreshErrors();
}

QCheckBox *OutcomeSetField::box(const std::string &outcome) const
{
    for (const auto &[name, b] : m_boxes) {
        if (name == outcome)
            return b;
    }
    return nullptr;
}

void OutcomeSetField::write()
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[name, b] : m_boxes) {
        if (b->isChecked())
            list.push_back(name);
    }
    m_hub->write(m_path, list);
}

void OutcomeSetField::refresh()
{
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    std::vector<std::string> on = m_defaults;
    if (v.is_array()) {
        on.clear();
        for (const auto &e : v) {
            if (e.is_string())
                on.push_back(e.get<std::string>());
        }
    }
    m_updating = true;
    for (const auto &[name, b] : m_boxes) {
        b->setChecked(std::find(on.begin(), on.end(), name) != on.end());
        QFont f = b->font();
        f.setItalic(!present);
        b->setFont(f);
    }
    m_updating = false;
    showDefault(!present);
}

} // namespace reslab::ui
