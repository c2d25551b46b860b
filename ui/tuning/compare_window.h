#pragma once

#include <nlohmann/json.hpp>

#include <QMainWindow>
#include <QString>
#include <QTimer>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableView;
class QToolBar;

namespace reslab::ui {

class BreakerDiagram;
class ChartPanel;
class CompareModel;
class ConfigExportDialog;
class LockstepClock;
class ScenarioDocument;
class ScenarioEditor;
class SimulationController;

/// A/B compare (Tune > Compare A/B…): the scenario twice, A and B, each editable in its own tab
/// ("Edit A", "Edit B"; B is shown first), both run on the same seed from one clock — same
/// virtual time, same traffic and per-attempt luck (common random numbers) — with their charts
/// overlaid (A solid, B dashed), their breaker diagrams side by side and a table of differences.
/// Any edit, and a new seed, restarts both runs from t = 0, so they always differ only by
/// configuration. Non-modal; exports the comparison as an image and its numbers as CSV.
class CompareWindow final : public QMainWindow
{
    Q_OBJECT

public:
    /// `scenario` is copied into A and B; `source` names it ("preset:…", a file name).
    CompareWindow(const nlohmann::json &scenario, const QString &source, QWidget *parent = nullptr);
    ~CompareWindow() override;

    ScenarioDocument *documentA() const { return m_docA; }
    ScenarioDocument *documentB() const { return m_docB; }
    SimulationController *controllerA() const { return m_a; }
    SimulationController *controllerB() const { return m_b; }
    LockstepClock *clock() const { return m_clock; }
    CompareModel *model() const { return m_model; }
    ChartPanel *charts() const { return m_charts; }
    BreakerDiagram *breakerA() const { return m_breakerA; }
    BreakerDiagram *breakerB() const { return m_breakerB; }
    QTabWidget *editorTabs() const { return m_tabs; }
    /// The seed both runs use.
    std::uint64_t seed() const { return m_seed; }
    void setSeed(std::uint64_t seed);

    /// Restarts both runs now from the documents' last valid scenarios (edits do this by
    /// themselves after a short pause).
    void restartRuns();
    /// Reads both runs' summaries into the difference table now.
    void refreshTable();

    /// The whole comparison (diagrams, table, charts) as .png, .svg or .pdf.
    bool exportImage(const QString &path, QString *error);
    /// The overlaid charts only.
    bool exportCharts(const QString &path, QString *error);
    /// The difference table as CSV (CompareModel::toCsv()).
    bool exportDifferenceCsv(const QString &path, QString *error);
    /// Both runs' timeseries.csv rows, each prefixed with `run` = A or B.
    bool exportTimeseriesCsv(const QString &path, QString *error);
    /// The library configuration dialog for run A (`b` false) or B.
    ConfigExportDialog *showLibraryConfiguration(bool b);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildTransport();
    void buildMenus();
    /// Sets the window's texts (menus, transport, titles, tooltips) in the current language.
    void retranslate();
    void refreshTransport();
    void refreshTitles();
    void onFrame();
    void askPath(const QString &title, const QString &suggested, const QString &filter,
                 const std::function<bool(const QString &, QString *)> &write);
    void showError(const QString &title, const QString &message);

    ScenarioDocument *m_docA;
    ScenarioDocument *m_docB;
    SimulationController *m_a;
    SimulationController *m_b;
    LockstepClock *m_clock;
    CompareModel *m_model;
    QString m_source;
    std::uint64_t m_seed = 1;
    /// The documents' own seeds at the last restart: a change there is a seed typed in an editor.
    std::optional<std::uint64_t> m_editedSeedA;
    std::optional<std::uint64_t> m_editedSeedB;
    QTabWidget *m_tabs = nullptr;
    ScenarioEditor *m_editorA = nullptr;
    ScenarioEditor *m_editorB = nullptr;
    BreakerDiagram *m_breakerA = nullptr;
    BreakerDiagram *m_breakerB = nullptr;
    QLabel *m_titleA = nullptr;
    QLabel *m_titleB = nullptr;
    QLabel *m_tableTitle = nullptr;
    QToolBar *m_bar = nullptr;
    QLabel *m_speedTitle = nullptr;
    QLabel *m_seedTitle = nullptr;
    struct Menus
    {
        QMenu *file = nullptr, *exportMenu = nullptr, *run = nullptr;
        QAction *exportImage = nullptr, *exportCharts = nullptr, *exportTable = nullptr,
                *exportTimeseries = nullptr, *libraryA = nullptr, *libraryB = nullptr,
                *close = nullptr;
    };
    Menus m_menus;
    QTableView *m_table = nullptr;
    ChartPanel *m_charts = nullptr;
    QWidget *m_comparison = nullptr; ///< what exportImage() draws
    QAction *m_play = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_runToEnd = nullptr;
    QSlider *m_speed = nullptr;
    QLabel *m_speedLabel = nullptr;
    QLabel *m_clockLabel = nullptr;
    QLabel *m_lag = nullptr;
    QSpinBox *m_seedBox = nullptr;
    QTimer m_applyDelay;         ///< edits settle for a moment before both runs restart
    std::size_t m_tableRows = 0; ///< closed buckets (A + B) when the table was last read
};

} // namespace reslab::ui
