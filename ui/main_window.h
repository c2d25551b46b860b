#pragma once

#include <QMainWindow>

#include <QStringList>
#include <QTimer>
#include <functional>

class QAction;
class QDockWidget;
class QActionGroup;
class QMenu;
class QLabel;

namespace reslab {
struct Scenario;
}

class QTabWidget;

namespace reslab::ui {

class BreakerDiagram;
class ChartPanel;
class CompareWindow;
class SweepWindow;
class ConfigExportDialog;
class EventLogView;
class FallbackPanel;
class FlowView;
class TopologyView;
class RetryTimeline;
class ScenarioDocument;
class ScenarioEditor;
class SummaryModel;
class SimulationController;
class TransportBar;

/// The Resilience Lab window: scenario editor (left), live flow and breaker views (centre),
/// charts (right), the transport bar on top, the event log and the
/// live summary docked at the bottom.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a file or preset:NAME (asking first if there are unsaved edits).
    bool openScenario(const QString &source);

    ScenarioDocument *document() const { return m_document; }
    SimulationController *controller() const { return m_controller; }
    ScenarioEditor *editor() const { return m_editor; }
    ChartPanel *charts() const { return m_charts; }
    BreakerDiagram *breakerDiagram() const { return m_breaker; }
    TransportBar *transport() const { return m_transport; }
    EventLogView *eventLog() const { return m_eventLog; }
    SummaryModel *summaryModel() const { return m_summary; }
    /// Whether edits are hot-applied to the running simulation (else the run restarts).
    bool hotApply() const;
    void setHotApply(bool hot);

    /// Asks about unsaved edits; true when it is fine to discard the document.
    bool maybeDiscard();
    /// Replaces the unsaved-changes question (tests, scripted use). It returns
    /// QMessageBox::Save, Discard or Cancel. Without a display nobody can answer, so the default
    /// there is Cancel: an edit is never lost silently.
    void setDiscardPrompt(std::function<int(const QString &documentName)> prompt)
    {
        m_discardPrompt = std::move(prompt);
    }

    // Export helpers (also used by the menus). Each reports failures in a message box and
    // returns false, keeping everything in the app.
    bool exportDashboard(const QString &path);
    bool exportTimeseries(const QString &path);
    bool exportEvents(const QString &path);
    bool exportSummary(const QString &path);
    /// Tune > Compare A/B: a non-modal compare window on copies of the current scenario.
    CompareWindow *openCompare();
    /// File > Export > Library configuration: the dialog for the current (last valid) scenario.
    ConfigExportDialog *showLibraryConfiguration();
    /// Tune ▸ Parameter sweep…: a sweep window on the current document, its first axis on
    /// `firstParameter` (a JSON path) when given (an editor field's "Sweep this parameter…").
    SweepWindow *openSweep(const QString &firstParameter = QString());

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Adds a call from one service to another (the topology view's Shift-drag), one undo step.
    void addCall(const QString &from, const QString &to);
    void buildMenus();
    /// Sets every text of the window's own (menus, actions, docks, title) in the current language.
    void retranslate();
    /// Checks the View > Language entry of the choice in force.
    void checkLanguage();
    void updateTitle();
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void onScenarioChanged(const reslab::Scenario &scenario);
    bool save();
    bool saveAs();
    void open();
    void showError(const QString &title, const QString &message);

    ScenarioDocument *m_document;
    SimulationController *m_controller;
    TransportBar *m_transport;
    ScenarioEditor *m_editor;
    FlowView *m_flow;
    TopologyView *m_topology = nullptr;
    QTabWidget *m_flowTabs = nullptr;
    BreakerDiagram *m_breaker;
    RetryTimeline *m_timeline;
    FallbackPanel *m_fallback;
    ChartPanel *m_charts;
    EventLogView *m_eventLog;
    QDockWidget *m_eventDock;
    SummaryModel *m_summary;
    QDockWidget *m_summaryDock;
    /// The menus and actions whose texts retranslate() sets.
    struct Menus
    {
        QMenu *file = nullptr, *exportMenu = nullptr, *edit = nullptr, *presets = nullptr,
              *view = nullptr, *language = nullptr, *run = nullptr, *tune = nullptr;
        QAction *open = nullptr, *save = nullptr, *saveAs = nullptr, *quit = nullptr;
        QAction *exportDashboard = nullptr, *exportCharts = nullptr, *exportTimeseries = nullptr,
                *exportEvents = nullptr, *exportSummary = nullptr, *exportScenario = nullptr,
                *exportLibrary = nullptr;
        QAction *undo = nullptr, *redo = nullptr;
        QAction *systemLanguage = nullptr;
        QActionGroup *languages = nullptr;
        QAction *sweep = nullptr, *compare = nullptr, *tuneLibrary = nullptr;
    };
    Menus m_menus;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_applyMode = nullptr;
    QAction *m_hotAction = nullptr;
    QAction *m_restartAction = nullptr;
    QTimer m_applyDelay; ///< edits settle for a moment before they reach the simulation
    bool m_quietErrors = false;
    std::function<int(const QString &)> m_discardPrompt;
};

} // namespace reslab::ui
