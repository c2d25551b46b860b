#include "views/stage_picker.h"

#include <QEvent>

#include <algorithm>

namespace reslab::ui {

StagePicker::StagePicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName("stagePicker");
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    retranslate();
    hide();
    connect(this, &QComboBox::activated, this, [this] { emit stageChosen(); });
}

void StagePicker::retranslate()
{
    setToolTip(tr("The pipeline has more than one stage of this kind: choose the one to show"));
}

void StagePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void StagePicker::setStages(const std::vector<std::string> &names)
{
    if (names == m_names)
        return;
    const std::string was = currentIndex() >= 0 && currentIndex() < static_cast<int>(m_names.size())
                                ? m_names[static_cast<std::size_t>(currentIndex())]
                                : std::string();
    m_names = names;
    const QSignalBlocker block(this);
    clear();
    for (const std::string &n : names)
        addItem(QString::fromStdString(n));
    const auto it = std::find(names.begin(), names.end(), was);
    setCurrentIndex(it == names.end() ? 0 : static_cast<int>(it - names.begin()));
    setVisible(names.size() > 1);
    adjustSize();
    place();
}

void StagePicker::place()
{
    if (QWidget *p = parentWidget())
        move(p->width() - width() - 6, 4);
}

} // namespace reslab::ui
