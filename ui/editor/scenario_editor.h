#pragma once

#include <QWidget>

namespace reslab::ui {

class ScenarioDocument;

/// The scenario editor (scaffold: replaced by the real editor).
class ScenarioEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioEditor(ScenarioDocument *document, QWidget *parent = nullptr);

private:
    ScenarioDocument *m_document;
};

} // namespace reslab::ui
