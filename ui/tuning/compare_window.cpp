#include "compare_window.h"

#include "charts/bucket_window.h"
#include "charts/chart_panel.h"
#include "compare_model.h"
#include "config_export_dialog.h"
#include "editor/scenario_editor.h"
#include "export_image.h"
#include "lockstep_clock.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "transport_bar.h"
#include "views/breaker_diagram.h"

#include "reslab/metrics/report.h"
#include "reslab/tuning/sweep.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <sstream>

namespace reslab::ui {
namespace {

bool writeAtomically(const QString &path, const std::string &text, QString *error)
{
    QSaveFile file(path);
    QString why;
    if (path.isEmpty())
        why = QObject::tr("no file name given");
    else if (!file.open(QIODevice::WriteOnly))
        why = file.errorString();
    else if (file.write(text.data(), static_cast<qint64>(text.size())) !=
             static_cast<qint64>(text.size())) {
        why = file.errorString();
        file.cancelWriting();
    } else if (!file.commit())
        why = file.errorString();
    if (why.isEmpty())
        return true;
    if (error)
        *error = QObject::tr("Cannot write %1: %2").arg(path, why);
    return false;
}

/// `/pipeline/1/failure_threshold` → `pipeline[1].failure_threshold` (the sweep's PATH syntax).
QString dottedPath(const std::string &pointer)
{
    QString out;
    const QStringList parts = QString::fromStdString(pointer).split('/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool index = false;
        part.toInt(&index);
        if (index)
            out += '[' + part + ']';
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + part;
    }
    return out;
}

QString shortJson(const nlohmann::json &v)
{
    QString text = QString::fromStdString(v.dump());
    if (text.size() > 24)
        text = text.left(22) + "…";
    return text;
}

/// What B changes, as "path: a → b" items (the first few).
QString describeDifferences(const nlohmann::json &a, const nlohmann::json &b)
{
    const nlohmann::json patch = nlohmann::json::diff(a, b);
    QStringList items;
    for (const nlohmann::json &op : patch) {
        const std::string pointer = op.value("path", std::string());
        const std::string kind = op.value("op", std::string());
        if (pointer == "/seed")
            continue; // both runs use the window's seed
        const QString path = dottedPath(pointer);
        if (kind == "replace")
            items << QObject::tr("%1: %2 → %3")
                         .arg(path, shortJson(a.at(nlohmann::json::json_pointer(pointer))),
                              shortJson(op["value"]));
        else if (kind == "add")
            items << QObject::tr("%1 added").arg(path);
        else if (kind == "remove")
            items << QObject::tr("%1 removed").arg(path);
        else
            items << path;
    }
    if (items.isEmpty())
        return QObject::tr("B is identical to A: every difference is 0.");
    constexpr int kShown = 4;
    QString text = QObject::tr("B differs from A in: ") + items.mid(0, kShown).join(" · ");
    if (items.size() > kShown)
        text += QObject::tr(" · and %n more", nullptr, static_cast<int>(items.size() - kShown));
    return text;
}

QWidget *scrolled(QWidget *w, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(w);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

CompareWindow::CompareWindow(const nlohmann::json &scenario, const QString &source, QWidget *parent)
    : QMainWindow(parent)
    , m_docA(new ScenarioDocument(this))
    , m_docB(new ScenarioDocument(this))
    , m_a(new SimulationController(this))
    , m_b(new SimulationController(this))
    , m_clock(new LockstepClock(m_a, m_b, this))
    , m_model(new CompareModel(this))
    , m_source(source)
{
    setObjectName("compareWindow");
    m_docA->reset(scenario, source);
    m_docB->reset(scenario, source);
    if (m_docA->scenario())
        m_seed = m_docA->scenario()->seed;

    // Editors: one tab per run, B first (the one people change).
    m_editorA = new ScenarioEditor(m_docA, this);
    m_editorB = new ScenarioEditor(m_docB, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("editors");
    m_tabs->addTab(scrolled(m_editorA, m_tabs), QString());
    m_tabs->addTab(scrolled(m_editorB, m_tabs), QString());
    m_tabs->setCurrentIndex(1);
    m_tabs->setMinimumWidth(340);

    // Breaker diagrams A | B, the differences and the table.
    m_breakerA = new BreakerDiagram(m_a, this);
    m_breakerA->setObjectName("breakerA");
    m_breakerB = new BreakerDiagram(m_b, this);
    m_breakerB->setObjectName("breakerB");
    m_titleA = new QLabel(this);
    m_titleB = new QLabel(this);
    for (QLabel *l : {m_titleA, m_titleB}) {
        QFont bold = l->font();
        bold.setBold(true);
        l->setFont(bold);
        l->setTextFormat(Qt::PlainText);
        l->setContentsMargins(6, 2, 6, 0);
    }
    m_titleA->setObjectName("titleA");
    m_titleB->setObjectName("titleB");

    m_table = new QTableView(this);
    m_table->setObjectName("differences");
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAlternatingRowColors(true);
    m_table->setMinimumWidth(380);

    auto *top = new QWidget(this);
    auto *grid = new QGridLayout(top);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_titleA, 0, 0);
    grid->addWidget(m_titleB, 0, 1);
    m_tableTitle = new QLabel(top);
    m_tableTitle->setFont(m_titleA->font());
    m_tableTitle->setContentsMargins(6, 2, 6, 0);
    grid->addWidget(m_tableTitle, 0, 2);
    grid->addWidget(m_breakerA, 1, 0);
    grid->addWidget(m_breakerB, 1, 1);
    grid->addWidget(m_table, 1, 2);
    grid->setColumnStretch(0, 4);
    grid->setColumnStretch(1, 4);
    grid->setColumnStretch(2, 4);
    grid->setRowStretch(1, 1);

    m_charts = new ChartPanel(m_a, this);
    m_charts->setOverlay(m_b, QStringLiteral("A"), QStringLiteral("B")); // the runs' names
    // A little less height per chart than in the dashboard: all five fit under the diagrams.
    for (QWidget *chart : m_charts->findChildren<QChartView *>())
        chart->setMinimumHeight(chart->objectName() == "breaker" ? 165 : 210);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName("comparison");
    right->addWidget(top);
    right->addWidget(m_charts);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 7);
    right->setChildrenCollapsible(false);
    right->setSizes({250, 750});
    m_comparison = right;

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(m_tabs);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 4);
    setCentralWidget(main);

    buildTransport();
    buildMenus();

    m_applyDelay.setSingleShot(true);
    m_applyDelay.setInterval(250);
    connect(&m_applyDelay, &QTimer::timeout, this, &CompareWindow::restartRuns);
    for (ScenarioDocument *doc : {m_docA, m_docB}) {
        connect(doc, &ScenarioDocument::scenarioChanged, this, [this] { m_applyDelay.start(); });
        connect(doc, &ScenarioDocument::changed, this, &CompareWindow::refreshTitles);
    }
    connect(m_clock, &LockstepClock::frameAdvanced, this, &CompareWindow::onFrame);
    connect(m_clock, &LockstepClock::transportChanged, this, &CompareWindow::refreshTransport);

    retranslate();
    restartRuns();
    resize(1600, 1000);
}

void CompareWindow::retranslate()
{
    m_tabs->setTabText(0, tr("Edit A"));
    m_tabs->setTabText(1, tr("Edit B"));
    m_table->setToolTip(tr("Numbers of the runs so far, from the engine. Δ is green where B is "
                           "better than A, red where it is worse (hover a row name for the "
                           "direction)."));
    m_tableTitle->setText(tr("Differences (B − A)"));

    m_bar->setWindowTitle(tr("Transport"));
    m_play->setToolTip(tr("Play / pause both runs in real time × speed (Space)"));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Start both runs again from t = 0 (R)"));
    m_runToEnd->setText(tr("Run to end"));
    m_runToEnd->setToolTip(tr("Simulate the rest of both runs as fast as possible (E)"));
    m_speedTitle->setText(tr(" Speed "));
    m_speed->setToolTip(tr("Virtual seconds per wall second, 0.1x to 1000x (log scale)"));
    m_clockLabel->setToolTip(tr("Simulated time of both runs / length of the longer run"));
    m_lag->setToolTip(tr("The engines cannot keep up with this speed: time runs slower than asked "
                         "(for both runs alike)"));
    m_seedTitle->setText(tr(" Seed (A and B) "));
    m_seedBox->setToolTip(tr("Both runs use this seed: the same arrivals and the same luck per "
                             "attempt (common random numbers), so they differ only by their "
                             "configuration"));

    const Menus &m = m_menus;
    m.file->setTitle(tr("&File"));
    m.exportMenu->setTitle(tr("&Export"));
    m.exportImage->setText(tr("Comparison as image (PNG, SVG, PDF)…"));
    m.exportCharts->setText(tr("Charts as image (PNG, SVG, PDF)…"));
    m.exportTable->setText(tr("Difference table (CSV)…"));
    m.exportTimeseries->setText(tr("Time series of A and B (CSV)…"));
    m.libraryA->setText(tr("Library configuration of A (resilience4j / Polly)…"));
    m.libraryB->setText(tr("Library configuration of B (resilience4j / Polly)…"));
    m.close->setText(tr("&Close"));
    m.run->setTitle(tr("&Run"));

    refreshTransport();
    refreshTitles();
}

void CompareWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildTransport()
{
    auto *bar = new QToolBar(this);
    m_bar = bar;
    bar->setObjectName("compareTransport");
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play = bar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString());
    m_play->setShortcut(Qt::Key_Space);
    connect(m_play, &QAction::triggered, m_clock, &LockstepClock::togglePlay);
    m_reset = bar->addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), QString());
    m_reset->setShortcut(Qt::Key_R);
    connect(m_reset, &QAction::triggered, m_clock, &LockstepClock::reset);
    m_runToEnd = bar->addAction(style()->standardIcon(QStyle::SP_MediaStop), QString());
    m_runToEnd->setShortcut(Qt::Key_E);
    connect(m_runToEnd, &QAction::triggered, m_clock, &LockstepClock::runToEnd);

    bar->addSeparator();
    m_speedTitle = new QLabel(bar);
    bar->addWidget(m_speedTitle);
    m_speed = new QSlider(Qt::Horizontal, bar);
    m_speed->setRange(0, 300);
    m_speed->setFixedWidth(160);
    m_speed->setValue(TransportBar::positionForSpeed(m_clock->speed()));
    bar->addWidget(m_speed);
    m_speedLabel = new QLabel(bar);
    m_speedLabel->setMinimumWidth(56);
    bar->addWidget(m_speedLabel);
    connect(m_speed, &QSlider::valueChanged, this,
            [this](int pos) { m_clock->setSpeed(TransportBar::speedForPosition(pos)); });

    bar->addSeparator();
    m_clockLabel = new QLabel(bar);
    m_clockLabel->setObjectName("clock");
    m_clockLabel->setMinimumWidth(190);
    QFont mono = m_clockLabel->font();
    mono.setFamily("monospace");
    mono.setStyleHint(QFont::Monospace);
    m_clockLabel->setFont(mono);
    bar->addWidget(m_clockLabel);
    m_lag = new QLabel(bar);
    m_lag->setStyleSheet("color: #b35900;");
    bar->addWidget(m_lag);

    bar->addSeparator();
    m_seedTitle = new QLabel(bar);
    bar->addWidget(m_seedTitle);
    m_seedBox = new QSpinBox(bar);
    m_seedBox->setObjectName("seed");
    m_seedBox->setRange(0, 2147483647);
    m_seedBox->setValue(static_cast<int>(std::min<std::uint64_t>(m_seed, 2147483647)));
    bar->addWidget(m_seedBox);
    connect(m_seedBox, &QSpinBox::editingFinished, this,
            [this] { setSeed(static_cast<std::uint64_t>(m_seedBox->value())); });
    addToolBar(Qt::TopToolBarArea, bar);
}

void CompareWindow::buildMenus()
{
    Menus &m = m_menus;
    QMenu *file = m.file = menuBar()->addMenu(QString());
    QMenu *exportMenu = m.exportMenu = file->addMenu(QString());
    m.exportImage = exportMenu->addAction(QString(), this, [this] {
        askPath(tr("Export comparison"), "comparison.png", tr("Images (*.png *.svg *.pdf)"),
                [this](const QString &p, QString *e) { return exportImage(p, e); });
    });
    m.exportCharts = exportMenu->addAction(QString(), this, [this] {
        askPath(tr("Export charts"), "comparison-charts.png", tr("Images (*.png *.svg *.pdf)"),
                [this](const QString &p, QString *e) { return exportCharts(p, e); });
    });
    exportMenu->addSeparator();
    m.exportTable = exportMenu->addAction(QString(), this, [this] {
        askPath(tr("Export difference table"), "differences.csv", tr("CSV (*.csv)"),
                [this](const QString &p, QString *e) { return exportDifferenceCsv(p, e); });
    });
    m.exportTimeseries = exportMenu->addAction(QString(), this, [this] {
        askPath(tr("Export time series"), "timeseries-ab.csv", tr("CSV (*.csv)"),
                [this](const QString &p, QString *e) { return exportTimeseriesCsv(p, e); });
    });
    exportMenu->addSeparator();
    m.libraryA =
        exportMenu->addAction(QString(), this, [this] { showLibraryConfiguration(false); });
    m.libraryB = exportMenu->addAction(QString(), this, [this] { showLibraryConfiguration(true); });
    file->addSeparator();
    m.close = file->addAction(QString(), QKeySequence::Close, this, &QWidget::close);

    QMenu *run = m.run = menuBar()->addMenu(QString());
    run->addAction(m_play);
    run->addAction(m_reset);
    run->addAction(m_runToEnd);
}

void CompareWindow::setSeed(std::uint64_t seed)
{
    if (seed == m_seed)
        return;
    m_seed = seed;
    const QSignalBlocker block(m_seedBox);
    m_seedBox->setValue(static_cast<int>(std::min<std::uint64_t>(seed, 2147483647)));
    restartRuns();
}

void CompareWindow::restartRuns()
{
    m_applyDelay.stop();
    const bool wasPlaying = m_clock->isPlaying();
    // A seed typed into either editor becomes the seed of both runs.
    for (auto [doc, seen] :
         {std::pair{m_docA, &m_editedSeedA}, std::pair{m_docB, &m_editedSeedB}}) {
        if (!doc->scenario())
            continue;
        if (*seen && doc->scenario()->seed != **seen)
            m_seed = doc->scenario()->seed;
        *seen = doc->scenario()->seed;
    }
    {
        const QSignalBlocker block(m_seedBox);
        m_seedBox->setValue(static_cast<int>(std::min<std::uint64_t>(m_seed, 2147483647)));
    }
    for (auto [doc, controller] : {std::pair{m_docA, m_a}, std::pair{m_docB, m_b}}) {
        if (!doc->scenario())
            continue;
        Scenario s = *doc->scenario();
        s.seed = m_seed; // one seed for both: common random numbers
        controller->load(s);
    }
    m_clock->pause();
    m_tableRows = 0;
    refreshTable();
    refreshTitles();
    refreshTransport();
    if (wasPlaying)
        m_clock->play();
}

void CompareWindow::refreshTable()
{
    const Simulation *a = m_a->simulation();
    const Simulation *b = m_b->simulation();
    if (!a || !b) {
        m_model->clear();
        return;
    }
    m_model->setRuns(metricsOf(a->summary()), metricsOf(b->summary()));
    m_tableRows = closedRowCount(*a) + closedRowCount(*b);
}

void CompareWindow::onFrame()
{
    refreshTransport();
    const Simulation *a = m_a->simulation();
    const Simulation *b = m_b->simulation();
    if (!a || !b)
        return;
    // While playing, read the summaries when a bucket closed (not every frame); otherwise now.
    if (!m_clock->isPlaying() || m_clock->isFinished() ||
        closedRowCount(*a) + closedRowCount(*b) != m_tableRows)
        refreshTable();
}

void CompareWindow::refreshTransport()
{
    const bool playing = m_clock->isPlaying();
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const double speed = m_clock->speed();
    m_speedLabel->setText(speed < 1 ? QString("%1x").arg(speed, 0, 'f', 1)
                                    : QString("%1x").arg(speed, 0, 'g', 3));
    {
        const QSignalBlocker block(m_speed);
        m_speed->setValue(TransportBar::positionForSpeed(speed));
    }
    m_lag->setText(m_clock->lagging() ? tr(" engines at their limit ") : QString());
    m_clockLabel->setText(QString(" t = %1 s / %2 s ")
                              .arg(toSeconds(m_clock->now()), 8, 'f', 3)
                              .arg(toSeconds(m_clock->end()), 0, 'f', 0));
    const bool done = m_clock->isFinished();
    m_play->setEnabled(!done);
    m_runToEnd->setEnabled(!done);
}

void CompareWindow::refreshTitles()
{
    const auto name = [](const ScenarioDocument *doc) {
        return QString::fromStdString(doc->json().value("name", std::string()));
    };
    m_titleA->setText(tr("A — %1 (solid)").arg(name(m_docA)));
    m_titleB->setText(tr("B — %1 (dashed)").arg(name(m_docB)));
    const QString differences = describeDifferences(m_docA->json(), m_docB->json());
    statusBar()->showMessage(differences);
    m_titleB->setToolTip(differences);
    setWindowTitle(tr("Compare A/B — %1 — Resilience Lab").arg(m_source));
}

bool CompareWindow::exportImage(const QString &path, QString *error)
{
    m_charts->refresh();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return exportWidgetImage(m_comparison, path, error);
}

bool CompareWindow::exportCharts(const QString &path, QString *error)
{
    return m_charts->exportImage(path, QString(), error);
}

bool CompareWindow::exportDifferenceCsv(const QString &path, QString *error)
{
    refreshTable();
    return writeAtomically(path, m_model->toCsv(), error);
}

bool CompareWindow::exportTimeseriesCsv(const QString &path, QString *error)
{
    std::string out;
    bool header = true;
    for (auto [label, controller] : {std::pair{"A", m_a}, std::pair{"B", m_b}}) {
        const Simulation *sim = controller->simulation();
        if (!sim)
            continue;
        std::ostringstream csv;
        writeTimeseriesCsv(csv, sim->recorder());
        std::istringstream lines(csv.str());
        std::string line;
        bool first = true;
        while (std::getline(lines, line)) {
            if (first) {
                first = false;
                if (header)
                    out += "run," + line + '\n';
                header = false;
                continue;
            }
            out += std::string(label) + ',' + line + '\n';
        }
    }
    return writeAtomically(path, out, error);
}

ConfigExportDialog *CompareWindow::showLibraryConfiguration(bool b)
{
    const ScenarioDocument *doc = b ? m_docB : m_docA;
    if (!doc->scenario()) {
        showError(tr("Library configuration"),
                  tr("Run %1 has no valid scenario.").arg(b ? "B" : "A"));
        return nullptr;
    }
    auto *dialog = new ConfigExportDialog(*doc->scenario(), b ? tr("B") : tr("A"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void CompareWindow::askPath(const QString &title, const QString &suggested, const QString &filter,
                            const std::function<bool(const QString &, QString *)> &write)
{
    if (QGuiApplication::platformName() == "offscreen")
        return; // no one to ask for a file name
    const QString path = QFileDialog::getSaveFileName(this, title, suggested, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!write(path, &error))
        showError(tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
}

void CompareWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(title + ": " + message, 8000);
    if (QGuiApplication::platformName() != "offscreen")
        QMessageBox::warning(this, title, message);
}

} // namespace reslab::ui
