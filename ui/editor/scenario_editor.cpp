#include "scenario_editor.h"

#include "scenario_document.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

ScenarioEditor::ScenarioEditor(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Scenario editor"), this));
}

} // namespace reslab::ui
