#pragma once

#include <QWidget>

#include <map>
#include <string>

class QLabel;
class QVBoxLayout;

namespace reslab::ui {

class CollapsibleSection;
class EditorHub;
class PipelineEditor;
class ScenarioDocument;

/// The scenario editor: collapsible sections for General, Load, Services (one per service),
/// Target and the Pipeline (stage cards). Every field is bound to a JSON path of the document
/// (its objectName is the path); edits go through ScenarioDocument::setValue. The editor
/// rebuilds itself when a new document replaces the old one, rebuilds only the part whose
/// structure changed (a policy, a distribution, a phase added) after an edit, and otherwise
/// just refreshes the values shown, so focus and typing are never disturbed.
class ScenarioEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioEditor(ScenarioDocument *document, QWidget *parent = nullptr);
    ~ScenarioEditor() override;

    EditorHub *hub() const { return m_hub; }
    PipelineEditor *pipelineEditor() const { return m_pipeline; }
    /// The problems no field shows (unknown keys, document-level errors), as shown on top.
    QLabel *problemsLabel() const { return m_problems; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void onChanged();
    void onErrorsChanged();
    void updateProblems();
    void updatePhaseSliders();

    void buildGeneral(CollapsibleSection *section);
    void buildLoad();
    void buildServices();
    void buildService(const std::string &name, QWidget *slot);
    void buildTarget(CollapsibleSection *section);
    void syncServices();
    /// A service's calls (version 2): callee, probability, required and the call's pipeline.
    void buildCalls(const std::string &name, QVBoxLayout *layout, QWidget *body);

    ScenarioDocument *m_document;
    EditorHub *m_hub;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_problems = nullptr;
    QWidget *m_content = nullptr;
    CollapsibleSection *m_loadSection = nullptr;
    QWidget *m_loadBody = nullptr;
    std::string m_loadShape;
    CollapsibleSection *m_servicesSection = nullptr;
    QWidget *m_servicesBody = nullptr;
    std::string m_serviceNames;
    std::map<std::string, std::pair<CollapsibleSection *, std::string>> m_services;
    PipelineEditor *m_pipeline = nullptr;
};

} // namespace reslab::ui
