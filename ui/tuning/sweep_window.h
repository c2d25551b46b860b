#pragma once

#include "reslab/tuning/sweep_goal.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QElapsedTimer>
#include <QMainWindow>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace reslab::ui {

class HeatMap;
class SweepLineChart;
class SweepRunner;

/// The parameter-sweep window (Tune ▸ Parameter sweep…): one or two numeric parameters of the
/// scenario over ranges, several seeds per point, a metric to show and a goal. One parameter
/// gives a line chart with the spread across seeds, two a heat map; the settings that meet the
/// goal are marked and the best one is named. Clicking a point emits loadConfiguration with the
/// scenario at that point. Runs go to all cores in the background; finished runs are cached by
/// (scenario with the point's values, seed), so that a rerun of an overlapping grid, or another
/// metric or goal, does not simulate again. See docs/tuning.md.
class SweepWindow final : public QMainWindow
{
    Q_OBJECT

public:
    SweepWindow(nlohmann::json scenario, const QString &name, QWidget *parent = nullptr);
    ~SweepWindow() override;

    // Scripted use and tests. `from` and `to` are in the units shown (a failure rate in %).
    void setAxis(int axis, const QString &path, double from, double to, int steps, bool log);
    void setSecondAxisEnabled(bool enabled);
    /// Picks the parameter of `axis` by JSON path, with a default range around its value.
    void chooseParameter(int axis, const QString &path);
    /// The JSON path of `axis` as the form shows it.
    QString axisPath(int axis) const;
    void setSeeds(int seeds);
    void setMetric(const std::string &metric);
    void setGoal(const QString &goal);
    void setThreads(int threads) { m_threads = threads; }

    /// Validates the form and starts the sweep; false (errors shown in the window) if it cannot.
    bool startSweep();
    void cancelSweep();
    bool isRunning() const;

    /// The last finished sweep (nullptr before one) and its points (mean/min/max over seeds).
    const Sweep *result() const { return m_result.get(); }
    const std::vector<SweepPoint> &points() const { return m_points; }
    /// The best point under the current goal and metric.
    std::optional<std::size_t> bestIndex() const { return m_best; }
    std::vector<bool> meetsGoal() const { return m_meets; }
    QString statusText() const;
    QString bestText() const;
    QString goalError() const;

    /// The sweep CSV (the same columns and numbers as `resilience-lab sweep`).
    bool exportCsv(const QString &path, QString *error) const;
    /// The chart or heat map as PNG, SVG or PDF.
    bool exportImage(const QString &path, QString *error);

    SweepLineChart *lineChart() const { return m_line; }
    HeatMap *heatMap() const { return m_heat; }
    QProgressBar *progressBar() const { return m_progress; }

    /// Shared by every sweep window of the process.
    static std::shared_ptr<SweepCache> cache();

signals:
    /// The scenario (JSON text) of a clicked point: the base with the point's values set.
    void loadConfiguration(const QByteArray &scenarioJson);
    void sweepFinished(bool complete);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct AxisRow
    {
        QGroupBox *box = nullptr;
        QFormLayout *form = nullptr;
        QComboBox *parameter = nullptr;
        QLineEdit *path = nullptr;
        QDoubleSpinBox *from = nullptr;
        QDoubleSpinBox *to = nullptr;
        QSpinBox *steps = nullptr;
        QComboBox *spacing = nullptr;
        QLabel *hint = nullptr;
    };

    QWidget *buildForm();
    void buildAxisRow(int axis, QWidget *parent);
    void choosePath(int axis, const std::string &path, bool setRange);
    void onFinished(bool complete);
    void redraw();
    void loadPoint(int index);
    /// Sets the window's texts in the current language (and words the results again).
    void retranslate();
    /// Shows a message that is already worded (an error from elsewhere)...
    void showStatus(const QString &text, bool error);
    /// ... or one worded by `words`, again after a language switch.
    void showStatus(std::function<QString()> words, bool error);
    void updateButtons();

    nlohmann::json m_base;
    QString m_name;
    AxisRow m_axes[2];
    QCheckBox *m_secondAxis = nullptr;
    QSpinBox *m_seeds = nullptr;
    QComboBox *m_metric = nullptr;
    QLineEdit *m_goal = nullptr;
    QLabel *m_goalError = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    std::function<QString()> m_statusWords;
    bool m_started = false; ///< a sweep was started (the progress bar counts runs)
    QGroupBox *m_show = nullptr;
    QScrollArea *m_formScroll = nullptr;
    QFormLayout *m_showForm = nullptr;
    QLabel *m_bestLabel = nullptr;
    QPushButton *m_exportImage = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_loadBest = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    SweepLineChart *m_line = nullptr;
    HeatMap *m_heat = nullptr;
    SweepRunner *m_runner = nullptr;

    int m_threads = 1;
    std::shared_ptr<Sweep> m_running;
    std::shared_ptr<Sweep> m_result;
    std::array<bool, 2> m_pendingLog{}; ///< log spacing of the running sweep's axes
    std::array<bool, 2> m_resultLog{};
    std::vector<SweepPoint> m_points;
    std::vector<bool> m_meets;
    std::optional<std::size_t> m_best;
    QElapsedTimer m_clock;
    qulonglong m_done = 0;
};

} // namespace reslab::ui
