#include "editor/choice_field.h"

#include <QBoxLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

ChoiceField::ChoiceField(EditorHub *hub, std::string path, Options options, QWidget *parent)
    : FramedField(hub, std::move(path), parent)
    , m_options(std::move(options))
{
    QBoxLayout *row = m_options.labelAbove ? static_cast<QBoxLayout *>(addFrameColumn(1))
                                           : static_cast<QBoxLayout *>(addFrameRow(6));
    QFrame *frame = this->frame();
    auto *label = makeLabel(m_options.label, frame);
    label->setToolTip(m_options.tooltip);
    m_combo = new FieldComboBox(frame);
    m_combo->setObjectName("combo");
    m_combo->setToolTip(m_options.tooltip);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(8);
    m_combo->setFocusPolicy(Qt::StrongFocus);
    QLabel *hint = makeHint(frame);
    if (m_options.labelAbove) {
        auto *top = new QHBoxLayout;
        top->addWidget(label, 1);
        top->addWidget(hint);
        row->addLayout(top);
        row->addWidget(m_combo);
    } else {
        row->addWidget(label);
        row->addWidget(m_combo, 1);
        row->addWidget(hint);
    }

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || retired() || index < 0)
            return;
        const std::string choice = m_combo->itemData(index).toString().toStdString();
        if (choice.empty())
            return; // the "(invalid)" placeholder
        if (m_options.apply)
            m_options.apply(choice);
        else
            m_hub->write(m_path, choice);
    });
    setItems(m_options.itemsProvider ? m_options.itemsProvider() : m_options.items);
    refresh();
    refreshErrors();
}

void ChoiceField::setItems(const Items &items)
{
    if (items == m_items && m_combo->count() >= static_cast<int>(items.size()))
        return;
    m_items = items;
    const bool was = m_updating;
    m_updating = true;
    m_combo->clear();
    for (const auto &[value, text] : m_items)
        m_combo->addItem(text, QString::fromStdString(value));
    m_updating = was;
}

void ChoiceField::refresh()
{
    if (m_options.itemsProvider)
        setItems(m_options.itemsProvider());
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    std::string current = m_options.defaultChoice;
    if (v.is_string())
        current = v.get<std::string>();
    const bool was = m_updating;
    m_updating = true;
    // Drop an old "(invalid)" placeholder.
    for (int i = m_combo->count() - 1; i >= 0; --i) {
        if (m_combo->itemData(i).toString().isEmpty())
            m_combo->removeItem(i);
    }
    int index = m_combo->findData(QString::fromStdString(current));
    if (index < 0) {
        const QString shown =
            present ? QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump())
                    : tr("(none)");
        m_combo->addItem(tr("%1 (invalid)").arg(shown), QString());
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
    m_updating = was;
    const bool isDefault = !present && !m_options.defaultChoice.empty();
    QFont f = m_combo->font();
    f.setItalic(isDefault);
    m_combo->setFont(f);
    showDefault(isDefault);
}

} // namespace reslab::ui
