#include "sweep_window.h"

#include "charts/heat_map.h"
#include "charts/sweep_line_chart.h"
#include "editor/parameter_catalog.h"
#include "export_image.h"
#include "i18n/texts.h"
#include "sweep_parameters.h"
#include "sweep_runner.h"

#include "reslab/io/json_path.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <thread>

namespace reslab::ui {
namespace {

constexpr std::size_t kMaxRuns = 20000;

/// How a metric is shown: label, unit, display scale (rates as %), decimals.
struct MetricPresentation
{
    const char *name;
    const char *label;
    const char *unit;
    double scale;
    int decimals;
};

constexpr MetricPresentation kMetrics[] = {
    {"success_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Success"), "%", 100, 2},
    {"fallback_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Fallback"), "%", 100, 2},
    {"failure_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure (all causes)"), "%", 100,
     2},
    {"failure_error_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: error"), "%", 100,
     2},
    {"failure_timeout_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: timeout"), "%",
     100, 2},
    {"failure_circuit_open_rate",
     QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: circuit open"), "%", 100, 2},
    {"failure_overloaded_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: overloaded"),
     "%", 100, 2},
    {"failure_rejected_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: rejected"),
     "%", 100, 2},
    {"failure_fallback_failed_rate",
     QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Failure: fallback failed"), "%", 100, 2},
    {"rejected_rate", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Rejected by the breaker"), "%",
     100, 2},
    {"amplification",
     QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Amplification (attempts per request)"), "", 1,
     3},
    {"p50_ms", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "p50 latency"), "ms", 1, 1},
    {"p99_ms", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "p99 latency"), "ms", 1, 1},
    {"open_fraction", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Time the breaker is open"), "%",
     100, 2},
    {"utilization", QT_TRANSLATE_NOOP("reslab::ui::SweepWindow", "Target service utilisation"), "%",
     100, 1},
};

const MetricPresentation &presentation(const std::string &metric)
{
    for (const MetricPresentation &m : kMetrics) {
        if (metric == m.name)
            return m;
    }
    return kMetrics[0];
}

QString withUnit(double v, int decimals, const QString &unit)
{
    const QString n = QString::number(v, 'f', decimals);
    return unit.isEmpty() ? n : n + (unit == "%" ? " %" : " " + unit);
}

QString shown(const RunMetrics &m, const std::string &metric)
{
    const MetricPresentation &p = presentation(metric);
    return withUnit(metricValue(m, metric).value_or(0) * p.scale, p.decimals, p.unit);
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 6);
}

/// A heat-map tick: four significant digits, whole numbers from 1000 on (never 1e+04).
QString formatTick(double v)
{
    return std::abs(v) >= 1000 ? QString::number(v, 'f', 0) : QString::number(v, 'g', 4);
}

} // namespace

std::shared_ptr<SweepCache> SweepWindow::cache()
{
    static const auto shared = std::make_shared<SweepCache>();
    return shared;
}

SweepWindow::SweepWindow(nlohmann::json scenario, const QString &name, QWidget *parent)
    : QMainWindow(parent)
    , m_base(std::move(scenario))
    , m_name(name)
    , m_runner(new SweepRunner(this))
    , m_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())))
{
    setObjectName("sweepWindow");

    auto *splitter = new QSplitter(this);
    m_formScroll = new QScrollArea;
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setWidget(buildForm());
    m_formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitter->addWidget(m_formScroll);

    m_stack = new QStackedWidget;
    m_placeholder = new QLabel;
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_line = new SweepLineChart;
    m_heat = new HeatMap;
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_line);
    m_stack->addWidget(m_heat);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    retranslate(); // the form's texts: its width depends on them
    const int formWidth = m_formScroll->minimumWidth();
    splitter->setSizes({formWidth, 1220 - formWidth});
    resize(1220, 780);

    connect(m_runner, &SweepRunner::progress, this, [this](qulonglong done, qulonglong total) {
        m_done = std::max(m_done, done);
        m_progress->setMaximum(static_cast<int>(total));
        m_progress->setValue(static_cast<int>(m_done));
    });
    connect(m_runner, &SweepRunner::finished, this, &SweepWindow::onFinished);
    connect(m_line, &SweepLineChart::pointClicked, this, &SweepWindow::loadPoint);
    connect(m_heat, &HeatMap::cellClicked, this, &SweepWindow::loadPoint);
    updateButtons();
}

void SweepWindow::retranslate()
{
    setWindowTitle(tr("Parameter sweep — %1").arg(m_name));
    m_placeholder->setText(tr("Choose one or two parameters and press Run.\n\nOne parameter "
                              "draws a line chart, two a heat map."));
    // The forms' labels by row (QFormLayout made them).
    const auto label = [](QFormLayout *form, int row, const QString &text) {
        QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
        if (auto *l = item ? qobject_cast<QLabel *>(item->widget()) : nullptr)
            l->setText(text);
    };
    const std::vector<SweepParameter> params = sweepParameters(m_base);
    for (int axis = 0; axis < 2; ++axis) {
        AxisRow &row = m_axes[axis];
        row.box->setTitle(axis == 0 ? tr("Parameter 1 (x axis)") : tr("Parameter 2 (y axis)"));
        row.parameter->setItemText(0, tr("(a path of your own)"));
        for (std::size_t i = 0; i < params.size(); ++i)
            row.parameter->setItemText(static_cast<int>(i) + 1, params[i].label);
        label(row.form, 0, tr("Parameter"));
        label(row.form, 1, tr("JSON path"));
        label(row.form, 2, tr("From / to"));
        label(row.form, 3, tr("Steps, spacing"));
        row.spacing->setItemText(0, tr("linear"));
        row.spacing->setItemText(1, tr("log"));
        if (!row.path->text().isEmpty())
            choosePath(axis, row.path->text().toStdString(), false); // the hint
    }
    m_secondAxis->setText(tr("Sweep a second parameter (heat map)"));
    m_show->setTitle(tr("Runs and what to show"));
    m_seeds->setToolTip(tr("Each point runs on this many seeds (the scenario's seed, +1, …); the "
                           "line shows their mean and the band their spread"));
    label(m_showForm, 0, tr("Seeds per point"));
    for (int i = 0; i < m_metric->count(); ++i) {
        const MetricPresentation &p = presentation(m_metric->itemData(i).toString().toStdString());
        QString text = tr(p.label);
        if (*p.unit)
            text += QString(" (%1)").arg(p.unit);
        m_metric->setItemText(i, text);
    }
    label(m_showForm, 1, tr("Metric"));
    m_goal->setPlaceholderText(tr("p99 <= 500 ms and success >= 99.5 %"));
    m_goal->setToolTip(tr("Clauses METRIC OP NUMBER [unit] joined by \"and\": metrics success, "
                          "fallback, failure, rejected, amplification, p50, p99, open, "
                          "utilization; OP <=, >=, <, >; rates in % or as a fraction"));
    label(m_showForm, 2, tr("Goal"));
    m_run->setText(tr("Run"));
    m_cancel->setText(tr("Cancel"));
    m_progress->setFormat(m_started ? tr("%v / %m runs") : tr("not run yet"));
    m_loadBest->setText(tr("Load best"));
    m_loadBest->setToolTip(tr("Load the best setting into the main window (or click any point)"));
    m_exportImage->setText(tr("Export image…"));
    m_exportImage->setToolTip(tr("The chart or heat map as PNG, SVG or PDF"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportCsv->setToolTip(tr("Every run: the parameters, the seed and every metric (the "
                               "columns of resilience-lab sweep)"));
    if (m_statusWords)
        m_status->setText(m_statusWords());
    // Wide enough for the form (in this language) and its vertical scroll bar: nothing is cut on
    // the right.
    m_formScroll->setMinimumWidth(m_formScroll->widget()->minimumSizeHint().width() +
                                  m_formScroll->verticalScrollBar()->sizeHint().width() +
                                  2 * m_formScroll->frameWidth());
    redraw(); // the chart's titles and tooltips, the best setting
}

void SweepWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

SweepWindow::~SweepWindow()
{
    // Stop and join the workers before anything they report to goes away.
    m_runner->cancel();
    delete m_runner;
    m_runner = nullptr;
}

QWidget *SweepWindow::buildForm()
{
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    buildAxisRow(0, form);
    layout->addWidget(m_axes[0].box);
    m_secondAxis = new QCheckBox;
    m_secondAxis->setObjectName("secondAxis");
    layout->addWidget(m_secondAxis);
    buildAxisRow(1, form);
    layout->addWidget(m_axes[1].box);
    m_axes[1].box->setEnabled(false);
    connect(m_secondAxis, &QCheckBox::toggled, this,
            [this](bool on) { m_axes[1].box->setEnabled(on); });

    auto *show = m_show = new QGroupBox;
    auto *showForm = m_showForm = new QFormLayout(show);
    m_seeds = new QSpinBox;
    m_seeds->setObjectName("seeds");
    m_seeds->setRange(1, 100);
    m_seeds->setValue(3);
    showForm->addRow(new QLabel, m_seeds);
    m_metric = new QComboBox;
    m_metric->setObjectName("metric");
    for (const std::string &name : sweepAllMetricNames()) {
        m_metric->addItem(QString(), QString::fromStdString(name)); // worded in retranslate()
    }
    showForm->addRow(new QLabel, m_metric);
    m_goal = new QLineEdit;
    m_goal->setObjectName("goal");
    showForm->addRow(new QLabel, m_goal);
    m_goalError = new QLabel;
    m_goalError->setObjectName("goalError");
    m_goalError->setWordWrap(true);
    m_goalError->setStyleSheet("color: #c62828;");
    m_goalError->hide();
    showForm->addRow(m_goalError);
    layout->addWidget(show);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_goal, &QLineEdit::textChanged, this, [this] { redraw(); });

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton;
    m_run->setObjectName("run");
    m_run->setDefault(true);
    m_cancel = new QPushButton;
    m_cancel->setObjectName("cancel");
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, [this] { startSweep(); });
    connect(m_cancel, &QPushButton::clicked, this, &SweepWindow::cancelSweep);
    m_progress = new QProgressBar;
    m_progress->setObjectName("progress");
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setObjectName("status");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_bestLabel = new QLabel;
    m_bestLabel->setObjectName("best");
    m_bestLabel->setWordWrap(true);
    m_bestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_bestLabel);

    auto *exports = new QHBoxLayout;
    m_loadBest = new QPushButton;
    m_exportImage = new QPushButton;
    m_exportCsv = new QPushButton;
    exports->addWidget(m_loadBest);
    exports->addWidget(m_exportImage);
    exports->addWidget(m_exportCsv);
    layout->addLayout(exports);
    connect(m_loadBest, &QPushButton::clicked, this, [this] {
        if (m_best)
            loadPoint(static_cast<int>(*m_best));
    });
    connect(m_exportImage, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export sweep image"),
            m_stack->currentWidget() == m_heat ? "sweep-heatmap.png" : "sweep.png",
            tr("Images (*.png *.svg *.pdf)"));
        QString error;
        if (path.isEmpty())
            return;
        if (exportImage(path, &error))
            showStatus([path] { return tr("Saved %1").arg(path); }, false);
        else
            showStatus(error, true);
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export sweep results"),
                                                          "sweep.csv", tr("CSV (*.csv)"));
        QString error;
        if (path.isEmpty())
            return;
        if (exportCsv(path, &error))
            showStatus([path] { return tr("Saved %1").arg(path); }, false);
        else
            showStatus(error, true);
    });
    layout->addStretch(1);
    return form;
}

void SweepWindow::buildAxisRow(int axis, QWidget *parent)
{
    AxisRow &row = m_axes[axis];
    row.box = new QGroupBox(parent);
    auto *form = row.form = new QFormLayout(row.box);
    row.parameter = new QComboBox;
    row.parameter->setObjectName(QString("parameter%1").arg(axis + 1));
    row.parameter->addItem(QString(), QString()); // "(a path of your own)"
    for (const SweepParameter &p : sweepParameters(m_base))
        row.parameter->addItem(p.label, QString::fromStdString(p.path));
    row.parameter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.parameter->setMinimumContentsLength(20);
    form->addRow(new QLabel, row.parameter);
    row.path = new QLineEdit;
    row.path->setObjectName(QString("path%1").arg(axis + 1));
    row.path->setPlaceholderText("pipeline[0].failure_threshold");
    form->addRow(new QLabel, row.path);
    auto *range = new QHBoxLayout;
    row.from = new QDoubleSpinBox;
    row.to = new QDoubleSpinBox;
    for (QDoubleSpinBox *s : {row.from, row.to}) {
        s->setRange(-1e9, 1e9);
        s->setDecimals(4);
        s->setAccelerated(true);
        range->addWidget(s, 1);
    }
    form->addRow(new QLabel, range);
    auto *steps = new QHBoxLayout;
    row.steps = new QSpinBox;
    row.steps->setRange(1, 1000);
    row.steps->setValue(axis == 0 ? 10 : 8);
    row.spacing = new QComboBox;
    row.spacing->addItem(QString()); // linear
    row.spacing->addItem(QString()); // log
    steps->addWidget(row.steps, 1);
    steps->addWidget(row.spacing, 1);
    form->addRow(new QLabel, steps);
    row.hint = new QLabel;
    row.hint->setWordWrap(true);
    row.hint->setStyleSheet("color: #616161;");
    form->addRow(row.hint);

    connect(row.parameter, &QComboBox::activated, this, [this, axis](int index) {
        const QString path = m_axes[axis].parameter->itemData(index).toString();
        if (!path.isEmpty())
            choosePath(axis, path.toStdString(), true);
    });
    connect(row.path, &QLineEdit::textEdited, this,
            [this, axis](const QString &text) { choosePath(axis, text.toStdString(), false); });

    // A sensible start: stage parameters first (they are what one tunes), a different one on y.
    const std::vector<SweepParameter> params = sweepParameters(m_base);
    int pick = -1;
    int seen = 0;
    for (int i = 0; i < static_cast<int>(params.size()); ++i) {
        if (params[static_cast<std::size_t>(i)].path.rfind("pipeline", 0) == 0) {
            if (seen++ == axis) {
                pick = i;
                break;
            }
        }
    }
    if (pick < 0 && !params.empty())
        pick = std::min(axis, static_cast<int>(params.size()) - 1);
    if (pick >= 0)
        choosePath(axis, params[static_cast<std::size_t>(pick)].path, true);
}

void SweepWindow::choosePath(int axis, const std::string &path, bool setRange)
{
    AxisRow &row = m_axes[axis];
    const QString qpath = QString::fromStdString(path);
    if (row.path->text() != qpath)
        row.path->setText(qpath);
    const int index = row.parameter->findData(qpath);
    row.parameter->setCurrentIndex(std::max(0, index));
    const ParamInfo *info = parameterForPath(m_base, path);
    if (!info || !info->isNumeric()) {
        row.hint->setText(tr("Not a catalogued parameter: values are set as typed, in the "
                             "scenario's own units."));
        for (QDoubleSpinBox *s : {row.from, row.to})
            s->setSuffix(QString());
        return;
    }
    const double scale = info->displayScale;
    const QString unit = schemaText(info->unit);
    for (QDoubleSpinBox *s : {row.from, row.to}) {
        s->setSuffix(unit.isEmpty() ? QString() : " " + unit);
        s->setDecimals(info->kind == ParamKind::Integer ? 0 : std::clamp(info->decimals + 1, 1, 4));
    }
    double current = info->defaultValue;
    for (const SweepParameter &p : sweepParameters(m_base)) {
        if (p.path == path)
            current = p.current;
    }
    row.hint->setText(tr("Now %1%2 · valid %3%4")
                          .arg(formatNumber(current * scale))
                          .arg(unit.isEmpty() ? QString() : " " + unit)
                          .arg(QString::fromStdString(info->rangeText()))
                          .arg(scale != 1 ? tr(" (in the file: ÷ %1)").arg(scale) : QString()));
    row.hint->setToolTip(schemaText(info->tooltip));
    if (!setRange)
        return;
    double lo = info->sliderMin, hi = info->sliderMax;
    if (!(hi > lo)) {
        lo = info->min;
        hi = info->max > info->min ? std::min(info->max, std::max(1.0, current * 4)) : lo + 1;
    }
    const bool log = info->slider == SliderScale::Log && lo > 0;
    row.from->setValue(lo * scale);
    row.to->setValue(hi * scale);
    row.spacing->setCurrentIndex(log ? 1 : 0);
    const int wanted = axis == 0 ? 10 : 8;
    int steps = wanted;
    if (info->kind == ParamKind::Integer && !log) {
        // Whole numbers only: every value when there are few, else a divisor of the span.
        const auto span = static_cast<long long>(std::llround(hi - lo));
        if (span + 1 <= 2 * wanted) {
            steps = static_cast<int>(std::max(2LL, span + 1));
        } else {
            for (steps = wanted; steps > 2 && span % (steps - 1) != 0; --steps) {
            }
            if (span % (steps - 1) != 0)
                steps = 2;
        }
    }
    row.steps->setValue(steps);
}

void SweepWindow::setAxis(int axis, const QString &path, double from, double to, int steps,
                          bool log)
{
    if (axis < 0 || axis > 1)
        return;
    choosePath(axis, path.toStdString(), false);
    m_axes[axis].from->setValue(from);
    m_axes[axis].to->setValue(to);
    m_axes[axis].steps->setValue(steps);
    m_axes[axis].spacing->setCurrentIndex(log ? 1 : 0);
}

void SweepWindow::chooseParameter(int axis, const QString &path)
{
    if (axis < 0 || axis > 1)
        return;
    choosePath(axis, path.toStdString(), true);
}

QString SweepWindow::axisPath(int axis) const
{
    return axis < 0 || axis > 1 ? QString() : m_axes[axis].path->text();
}

void SweepWindow::setSecondAxisEnabled(bool enabled)
{
    m_secondAxis->setChecked(enabled);
}

void SweepWindow::setSeeds(int seeds)
{
    m_seeds->setValue(seeds);
}

void SweepWindow::setMetric(const std::string &metric)
{
    const int i = m_metric->findData(QString::fromStdString(metric));
    if (i >= 0)
        m_metric->setCurrentIndex(i);
}

void SweepWindow::setGoal(const QString &goal)
{
    m_goal->setText(goal);
}

bool SweepWindow::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

bool SweepWindow::startSweep()
{
    if (isRunning())
        return false;
    QStringList errors;
    std::vector<SweepAxis> axes;
    const int count = m_secondAxis->isChecked() ? 2 : 1;
    std::size_t runs = static_cast<std::size_t>(m_seeds->value());
    for (int a = 0; a < count; ++a) {
        const AxisRow &row = m_axes[a];
        const QString which = tr("Parameter %1").arg(a + 1);
        const std::string path = row.path->text().trimmed().toStdString();
        if (path.empty()) {
            errors << tr("%1: choose a parameter or type its JSON path").arg(which);
            continue;
        }
        if (!splitScenarioPath(path)) {
            errors << tr("%1: \"%2\" is not a scenario path (dotted keys, [i] for list items)")
                          .arg(which, QString::fromStdString(path));
            continue;
        }
        const bool log = row.spacing->currentIndex() == 1;
        const int steps = row.steps->value();
        if (steps < 2) {
            errors << tr("%1: a sweep needs at least 2 steps").arg(which);
            continue;
        }
        if (log && (row.from->value() <= 0 || row.to->value() <= 0)) {
            errors << tr("%1: log spacing needs from and to above 0").arg(which);
            continue;
        }
        const ParamInfo *info = parameterForPath(m_base, path);
        const double scale = info && info->isNumeric() ? info->displayScale : 1.0;
        // Through the CLI's own parser, so that a GUI sweep is exactly `sweep --param`.
        const std::string spec = path + "=" + (log ? "log:" : "") +
                                 QString::number(row.from->value() / scale, 'g', 15).toStdString() +
                                 ":" +
                                 QString::number(row.to->value() / scale, 'g', 15).toStdString() +
                                 ":" + std::to_string(steps);
        std::string error;
        auto axis = parseSweepAxis(spec, error);
        if (!axis) {
            errors << which + ": " + QString::fromStdString(error);
            continue;
        }
        runs *= axis->values.size();
        m_pendingLog[static_cast<std::size_t>(a)] = log;
        axes.push_back(std::move(*axis));
    }
    if (errors.isEmpty() && axes.size() == 2 && axes[0].path == axes[1].path)
        errors << tr("Both parameters are %1: choose two different ones")
                      .arg(QString::fromStdString(axes[0].path));
    if (errors.isEmpty() && runs > kMaxRuns)
        errors << tr("%1 runs are too many (at most %2): use fewer steps or seeds")
                      .arg(runs)
                      .arg(kMaxRuns);
    auto sweep = std::make_shared<Sweep>(m_base, axes, m_seeds->value());
    if (errors.isEmpty()) {
        const std::vector<std::string> problems = sweep->prepare();
        for (std::size_t i = 0; i < problems.size() && i < 6; ++i)
            errors << QString::fromStdString(problems[i]);
        if (problems.size() > 6)
            errors << tr("… and %1 more").arg(problems.size() - 6);
    }
    if (!errors.isEmpty()) {
        showStatus([errors] { return tr("Cannot run this sweep:") + "\n• " + errors.join("\n• "); },
                   true);
        return false;
    }
    m_running = sweep;
    m_done = 0;
    m_progress->setRange(0, static_cast<int>(sweep->runCount()));
    m_progress->setValue(0);
    m_started = true;
    m_progress->setFormat(tr("%v / %m runs"));
    m_clock.start();
    showStatus(
        [runs = sweep->runCount(), threads = m_threads] {
            return tr("Running %1 runs on %2 threads…").arg(runs).arg(threads);
        },
        false);
    m_runner->start(sweep, cache(), m_threads);
    updateButtons();
    return true;
}

void SweepWindow::cancelSweep()
{
    if (isRunning()) {
        m_runner->cancel();
        showStatus([] { return tr("Cancelling…"); }, false);
    }
}

void SweepWindow::onFinished(bool complete)
{
    const std::shared_ptr<Sweep> sweep = std::move(m_running);
    m_running.reset();
    updateButtons();
    if (!sweep) {
        emit sweepFinished(complete);
        return;
    }
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    if (!complete) {
        showStatus(
            [done = m_done, runs = sweep->runCount(), seconds] {
                return tr("Cancelled after %1 of %2 runs (%3 s). Finished runs are cached: Run "
                          "again continues where this one stopped.")
                    .arg(done)
                    .arg(runs)
                    .arg(seconds, 0, 'f', 1);
            },
            false);
        emit sweepFinished(false);
        return;
    }
    m_result = sweep;
    m_resultLog = m_pendingLog;
    m_points = summarisePoints(sweep->results(), sweep->seeds());
    const std::size_t total = sweep->runCount();
    showStatus(
        [total, seconds, threads = m_threads, simulated = sweep->simulatedRuns()] {
            return tr("%1 runs in %2 s on %3 threads (%4 simulated, %5 from the cache).")
                .arg(total)
                .arg(seconds, 0, 'f', 2)
                .arg(threads)
                .arg(simulated)
                .arg(total - simulated);
        },
        false);
    redraw();
    emit sweepFinished(true);
}

void SweepWindow::redraw()
{
    const std::string metric = m_metric->currentData().toString().toStdString();
    const GoalParse goal = parseGoal(m_goal->text().toStdString());
    m_goalError->setVisible(!goal.ok());
    m_goalError->setText(QString::fromStdString(goal.error));
    const Goal active = goal.ok() ? *goal.goal : Goal{};
    m_meets.clear();
    m_best.reset();
    updateButtons();
    if (!m_result || m_points.empty()) {
        m_stack->setCurrentWidget(m_placeholder);
        m_bestLabel->clear();
        return;
    }
    const MetricPresentation &mp = presentation(metric);
    const QString unit = QString::fromUtf8(mp.unit);
    const QString metricTitle = tr(mp.label) + (unit.isEmpty() ? QString() : " (" + unit + ")");
    const std::vector<SweepAxis> &axes = m_result->axes();
    std::vector<AxisPresentation> ap;
    for (const SweepAxis &a : axes)
        ap.push_back(axisPresentation(m_base, a.path));
    const int seeds = m_result->seeds();

    for (const SweepPoint &p : m_points)
        m_meets.push_back(!active.empty() && active.meets(p.mean));
    m_best = bestPoint(m_points, active, metric);
    updateButtons();

    const auto pointName = [&](const SweepPoint &p) {
        QStringList parts;
        for (std::size_t a = 0; a < axes.size(); ++a) {
            QString t = ap[a].title;
            t = t.section(" · ", -1); // the parameter's own label
            parts << QString("%1 = %2%3")
                         .arg(t.section(" (", 0, 0))
                         .arg(formatNumber(p.values[a] * ap[a].scale))
                         .arg(ap[a].unit.isEmpty() ? QString()
                                                   : (ap[a].unit == "%" ? " %" : " " + ap[a].unit));
        }
        return parts.join(", ");
    };
    const auto tooltip = [&](std::size_t i) {
        const SweepPoint &p = m_points[i];
        QString t = "<b>" + pointName(p).toHtmlEscaped() + "</b><br>";
        t += tr("%1: %2").arg(tr(mp.label), shown(p.mean, metric));
        if (seeds > 1)
            t += tr(" (mean; %1 – %2 over %3 seeds)")
                     .arg(shown(p.min, metric), shown(p.max, metric))
                     .arg(seeds);
        QStringList others;
        for (const char *other : {"success_rate", "p99_ms", "amplification"}) {
            if (metric != other)
                others << QString("%1 %2").arg(
                    tr(presentation(other).label).section(" (", 0, 0).toLower(),
                    shown(p.mean, other));
        }
        t += "<br>" + others.join(" · ");
        if (!active.empty()) {
            QStringList missed;
            for (const GoalClause &c : active.clauses) {
                if (!c.holds(p.mean))
                    missed << QString::fromStdString(c.text).toHtmlEscaped();
            }
            t += "<br>" +
                 (missed.isEmpty()
                      ? tr("<span style='color:#2e7d32'>meets the goal</span>")
                      : tr("<span style='color:#c62828'>misses: %1</span>").arg(missed.join(", ")));
        }
        if (m_best && *m_best == i)
            t += "<br><b>" + tr("best setting") + "</b>";
        t += "<br><i>" + tr("click to load it into the main window") + "</i>";
        return "<nobr>" + t.replace("<br>", "</nobr><br><nobr>") + "</nobr>";
    };

    const QString seedNote = seeds > 1 ? tr("mean of %1 seeds").arg(seeds) : tr("one seed");
    if (axes.size() == 1) {
        SweepLineData d;
        d.title = tr("%1 — %2").arg(tr(mp.label), seedNote);
        d.xTitle = ap[0].title;
        d.yTitle = metricTitle;
        d.logX = m_resultLog[0];
        d.showSpread = seeds > 1;
        d.yLowest = 0; // every metric is a rate, a latency or a ratio
        if (unit == "%")
            d.yHighest = 100;
        d.spreadName = tr("min–max over %1 seeds").arg(seeds);
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            const SweepPoint &p = m_points[i];
            d.x.push_back(p.values[0] * ap[0].scale);
            d.mean.push_back(metricValue(p.mean, metric).value_or(0) * mp.scale);
            d.low.push_back(metricValue(p.min, metric).value_or(0) * mp.scale);
            d.high.push_back(metricValue(p.max, metric).value_or(0) * mp.scale);
            d.tooltips.push_back(tooltip(i));
        }
        if (!active.empty())
            d.meets = m_meets;
        d.best = m_best ? static_cast<int>(*m_best) : -1;
        m_line->setData(std::move(d));
        m_stack->setCurrentWidget(m_line);
    } else {
        HeatMapData d;
        d.title = tr("%1 — %2").arg(metricTitle, seedNote);
        d.xTitle = ap[0].title;
        d.yTitle = ap[1].title;
        for (double v : axes[0].values)
            d.xTicks << formatTick(v * ap[0].scale);
        for (double v : axes[1].values)
            d.yTicks << formatTick(v * ap[1].scale);
        d.nx = static_cast<int>(axes[0].values.size());
        d.ny = static_cast<int>(axes[1].values.size());
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            d.values.push_back(metricValue(m_points[i].mean, metric).value_or(0) * mp.scale);
            d.tooltips.push_back(tooltip(i));
        }
        if (!active.empty())
            d.meets = m_meets;
        d.best = m_best ? static_cast<int>(*m_best) : -1;
        d.unit = unit;
        d.decimals = mp.decimals;
        m_heat->setData(std::move(d));
        m_stack->setCurrentWidget(m_heat);
    }

    // The shown metric first, then success, p99 and amplification (each once).
    const auto summary = [&](const RunMetrics &m) {
        QStringList parts;
        parts << QString("%1 %2").arg(tr(mp.label), shown(m, metric));
        for (const char *other : {"success_rate", "p99_ms", "amplification"}) {
            if (metric != other)
                parts << QString("%1 %2").arg(tr(presentation(other).label).section(" (", 0, 0),
                                              shown(m, other));
        }
        return parts.join(" · ");
    };
    const auto met = static_cast<std::size_t>(std::count(m_meets.begin(), m_meets.end(), true));
    QString text;
    if (!goal.ok()) {
        text = tr("The goal is not understood (see above): nothing is marked.");
    } else if (!m_best) {
        text = tr("<b>No setting meets the goal</b> (%1 settings tried).").arg(m_points.size());
    } else {
        const SweepPoint &b = m_points[*m_best];
        text = (active.empty() ? tr("<b>Best %1</b> (no goal set): ").arg(tr(mp.label))
                               : tr("<b>Best setting</b> (%1 of %2 meet the goal): ")
                                     .arg(met)
                                     .arg(m_points.size())) +
               pointName(b).toHtmlEscaped() + "<br>" + summary(b.mean);
    }
    m_bestLabel->setText(text);
}

void SweepWindow::loadPoint(int index)
{
    if (!m_result || index < 0 || static_cast<std::size_t>(index) >= m_result->pointCount())
        return;
    const nlohmann::json doc = m_result->pointJson(static_cast<std::size_t>(index));
    showStatus([index] { return tr("Loaded setting %1 into the main window.").arg(index + 1); },
               false);
    emit loadConfiguration(QByteArray::fromStdString(doc.dump(2)));
}

void SweepWindow::showStatus(const QString &text, bool error)
{
    showStatus([text] { return text; }, error);
}

void SweepWindow::showStatus(std::function<QString()> words, bool error)
{
    m_statusWords = std::move(words);
    m_status->setStyleSheet(error ? "color: #c62828;" : QString());
    m_status->setText(m_statusWords());
}

QString SweepWindow::statusText() const
{
    return m_status->text();
}

QString SweepWindow::bestText() const
{
    return m_bestLabel->text();
}

QString SweepWindow::goalError() const
{
    return m_goalError->isVisible() || !m_goalError->text().isEmpty() ? m_goalError->text()
                                                                      : QString();
}

void SweepWindow::updateButtons()
{
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_exportCsv->setEnabled(m_result != nullptr);
    m_exportImage->setEnabled(m_result != nullptr);
    m_loadBest->setEnabled(m_result != nullptr && m_best.has_value());
}

bool SweepWindow::exportCsv(const QString &path, QString *error) const
{
    if (!m_result) {
        *error = tr("Run a sweep first: there is nothing to export.");
        return false;
    }
    std::ostringstream text;
    m_result->writeCsv(text);
    const std::string bytes = text.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), static_cast<qint64>(bytes.size())) !=
            static_cast<qint64>(bytes.size()) ||
        !file.commit()) {
        *error =
            tr("Cannot write %1: %2 (the results are still here)").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool SweepWindow::exportImage(const QString &path, QString *error)
{
    if (!m_result) {
        *error = tr("Run a sweep first: there is nothing to export.");
        return false;
    }
    QWidget *w = m_stack->currentWidget() == m_heat ? static_cast<QWidget *>(m_heat)
                                                    : static_cast<QWidget *>(m_line);
    return exportWidgetImage(w, path, error);
}

void SweepWindow::closeEvent(QCloseEvent *event)
{
    // Closing stops the workers; the runner joins them when it is destroyed.
    m_runner->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace reslab::ui
