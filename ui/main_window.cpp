#include "main_window.h"

#include "charts/chart_panel.h"
#include "editor/editor_hub.h"
#include "editor/scenario_editor.h"
#include "i18n/language.h"
#include "i18n/texts.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "transport_bar.h"
#include "tuning/compare_window.h"
#include "tuning/config_export_dialog.h"
#include "tuning/sweep_window.h"
#include "views/breaker_diagram.h"
#include "views/event_log_view.h"
#include "views/fallback_panel.h"
#include "views/flow_view.h"
#include "views/retry_timeline.h"
#include "views/summary_model.h"
#include "views/topology_view.h"

#include "reslab/io/scenario_io.h"
#include "reslab/metrics/report.h"
#include "reslab/model/graph.h"
#include "reslab/model/presets.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <sstream>

namespace reslab::ui {
namespace {
constexpr int kMaxRecent = 8;

/// Writes `text` to `path` all or nothing (QSaveFile).
bool writeAtomically(const QString &path, const std::string &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ScenarioDocument(this))
    , m_controller(new SimulationController(this))
{
    setObjectName("mainWindow");
    m_transport = new TransportBar(m_controller, this);
    addToolBar(Qt::TopToolBarArea, m_transport);

    m_editor = new ScenarioEditor(m_document, this);
    connect(m_editor->hub(), &EditorHub::sweepRequested, this,
            [this](const QString &path) { openSweep(path); });
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setMinimumWidth(320);

    m_flow = new FlowView(m_controller, this);
    m_breaker = new BreakerDiagram(m_controller, this);
    m_fallback = new FallbackPanel(m_controller, this);
    m_timeline = new RetryTimeline(m_controller, this);
    m_charts = new ChartPanel(m_controller, this);
    m_charts->setStaggered(true); // one chart per frame when a bucket closes

    auto *middleRow = new QSplitter(Qt::Horizontal, this);
    middleRow->addWidget(m_breaker);
    middleRow->addWidget(m_fallback);
    middleRow->setStretchFactor(0, 3);
    middleRow->setStretchFactor(1, 2);

    // The flow view (one edge's pipeline, stage by stage) and the topology view (the whole
    // service graph) share the top of the centre column.
    m_topology = new TopologyView(m_controller, this);
    m_flowTabs = new QTabWidget(this);
    m_flowTabs->setObjectName("flowTabs");
    m_flowTabs->setDocumentMode(true);
    m_flowTabs->addTab(m_flow, tr("Flow"));
    m_flowTabs->addTab(m_topology, tr("Topology"));
    connect(m_topology, &TopologyView::edgeSelected, this, [this](const QString &edge) {
        m_controller->setSelectedEdge(edge.toStdString());
        statusBar()->showMessage(tr("The views show edge %1").arg(edge), 4000);
    });
    connect(m_topology, &TopologyView::layoutEdited, this,
            [this](const std::map<std::string, std::array<double, 2>> &positions) {
                nlohmann::json doc = m_document->json();
                nlohmann::json layout = nlohmann::json::object();
                for (const auto &[name, xy] : positions)
                    layout[name] = {xy[0], xy[1]};
                doc["layout"] = layout;
                doc["version"] = 2; // `layout` is a version-2 key
                m_document->setJson(doc);
            });
    connect(m_topology, &TopologyView::callRequested, this,
            [this](const QString &from, const QString &to) { addCall(from, to); });

    auto *centre = new QSplitter(Qt::Vertical, this);
    centre->setObjectName("centre");
    centre->addWidget(m_flowTabs);
    centre->addWidget(middleRow);
    centre->addWidget(m_timeline);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 3);
    centre->setStretchFactor(2, 3);
    // The retry timeline gets the most height: its ~30 lanes need it; the flow view and the
    // breaker row have spare room at their natural size.
    centre->setSizes({250, 250, 420});

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName("dashboard");
    main->addWidget(editorScroll);
    main->addWidget(centre);
    main->addWidget(m_charts);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 4);
    main->setStretchFactor(2, 4);
    // Initial split: the editor at its comfortable width, the rest shared so that the charts get
    // room for their titles and a readable time axis.
    main->setSizes({340, 780, 480});
    setCentralWidget(main);

    m_eventLog = new EventLogView(m_controller, this);
    m_eventDock = new QDockWidget(this);
    m_eventDock->setObjectName("eventLogDock");
    m_eventDock->setWidget(m_eventLog);
    m_eventDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                             QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventDock);

    m_summary = new SummaryModel(this);
    m_summary->follow(m_controller);
    auto *summaryTable = new QTableView(this);
    summaryTable->setObjectName("summaryTable");
    summaryTable->setModel(m_summary);
    summaryTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    summaryTable->setAlternatingRowColors(true);
    summaryTable->setWordWrap(false);
    summaryTable->verticalHeader()->setVisible(false);
    summaryTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    summaryTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    // The metric name takes what is left; value and unit keep their width, so a narrow dock
    // never hides the unit.
    summaryTable->horizontalHeader()->setStretchLastSection(false);
    summaryTable->horizontalHeader()->setSectionResizeMode(SummaryModel::Metric,
                                                           QHeaderView::Stretch);
    summaryTable->setColumnWidth(SummaryModel::Value, 12 * fontMetrics().averageCharWidth());
    summaryTable->horizontalHeader()->setSectionResizeMode(SummaryModel::Value, QHeaderView::Fixed);
    summaryTable->setColumnWidth(SummaryModel::Unit, 6 * fontMetrics().averageCharWidth());
    summaryTable->horizontalHeader()->setSectionResizeMode(SummaryModel::Unit, QHeaderView::Fixed);
    m_summaryDock = new QDockWidget(this);
    m_summaryDock->setObjectName("summaryDock");
    m_summaryDock->setWidget(summaryTable);
    m_summaryDock->setFeatures(m_eventDock->features());
    // Side by side rather than tabbed: both stay in sight while the run plays.
    splitDockWidget(m_eventDock, m_summaryDock, Qt::Horizontal);

    m_applyDelay.setSingleShot(true);
    m_applyDelay.setInterval(250);
    connect(&m_applyDelay, &QTimer::timeout, this, [this] {
        if (m_document->scenario())
            m_controller->apply(*m_document->scenario(), hotApply());
    });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &MainWindow::onScenarioChanged);
    connect(m_document, &ScenarioDocument::documentReplaced, this, [this] {
        m_applyDelay.stop();
        if (m_document->scenario()) {
            // A service graph opens on its topology; a single pipeline on its flow.
            m_flowTabs->setCurrentWidget(isGraph(*m_document->scenario())
                                             ? static_cast<QWidget *>(m_topology)
                                             : static_cast<QWidget *>(m_flow));
            m_controller->setSelectedEdge({});
        }
        if (m_document->scenario())
            m_controller->load(*m_document->scenario());
    });
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::changed, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::errorsChanged, this, [this] {
        const auto &errors = m_document->errors();
        if (errors.empty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(
                tr("%n problem(s) in the scenario — the simulation keeps the last valid one. "
                   "First: %1",
                   nullptr, static_cast<int>(errors.size()))
                    .arg(QString::fromStdString(errors.front().toString())));
    });
    connect(m_controller, &SimulationController::hotApplied, this, [this](qint64 t) {
        statusBar()->showMessage(tr("Edit applied at t = %1 s").arg(toSeconds(t), 0, 'f', 3), 4000);
    });

    buildMenus();
    retranslate();
    resize(1600, 1000);
    resizeDocks({m_eventDock}, {220}, Qt::Vertical);
    resizeDocks({m_eventDock, m_summaryDock}, {1150, 450}, Qt::Horizontal);
    // The event log and the summary start closed: the animated views need the height at the
    // usual screen sizes. View > Event log / Summary (Ctrl+Shift+L / Ctrl+Shift+U) opens them;
    // their models follow the run either way.
    m_eventDock->hide();
    m_summaryDock->hide();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::addCall(const QString &from, const QString &to)
{
    nlohmann::json doc = m_document->json();
    const std::string caller = from.toStdString();
    if (!doc.contains("services") || !doc["services"].contains(caller))
        return;
    nlohmann::json &service = doc["services"][caller];
    if (!service.contains("calls") || !service["calls"].is_array())
        service["calls"] = nlohmann::json::array();
    service["calls"].push_back({{"to", to.toStdString()}, {"pipeline", nlohmann::json::array()}});
    doc["version"] = 2;       // `calls` is a version-2 key
    m_document->setJson(doc); // one step of the undo history
    statusBar()->showMessage(tr("Added a call %1 -> %2 (Edit > Undo removes it)").arg(from, to),
                             4000);
}

bool MainWindow::hotApply() const
{
    return m_hotAction && m_hotAction->isChecked();
}

void MainWindow::setHotApply(bool hot)
{
    (hot ? m_hotAction : m_restartAction)->setChecked(true);
    QSettings().setValue("editing/hotApply", hot);
}

void MainWindow::buildMenus()
{
    // The texts are set in retranslate(), here and after every language switch.
    Menus &m = m_menus;
    m.file = menuBar()->addMenu(QString());
    m.file->setObjectName("fileMenu");
    m.open = m.file->addAction(QString(), QKeySequence::Open, this, &MainWindow::open);
    m.save = m.file->addAction(QString(), QKeySequence::Save, this, &MainWindow::save);
    m.saveAs = m.file->addAction(QString(), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    m_recentMenu = m.file->addMenu(QString());
    rebuildRecentMenu();
    m.file->addSeparator();
    m.exportMenu = m.file->addMenu(QString());
    m.exportMenu->setObjectName("exportMenu");
    m.exportDashboard = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export dashboard"), "dashboard.png", tr("Images (*.png *.svg *.pdf)"));
        if (!path.isEmpty())
            exportDashboard(path);
    });
    m.exportCharts = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export charts"), "charts.png",
                                                          tr("Images (*.png *.svg *.pdf)"));
        QString error;
        if (!path.isEmpty() && !m_charts->exportImage(path, QString(), &error))
            showError(tr("Export failed"), error);
    });
    m.exportMenu->addSeparator();
    m.exportTimeseries = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export time series"),
                                                          "timeseries.csv", tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTimeseries(path);
    });
    m.exportEvents = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export events"), "events.csv",
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportEvents(path);
    });
    m.exportSummary = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export summary"),
                                                          "summary.json", tr("JSON (*.json)"));
        if (!path.isEmpty())
            exportSummary(path);
    });
    m.exportScenario = m.exportMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export scenario"),
                                                          "scenario.json", tr("JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !writeAtomically(path, m_document->json().dump(2) + "\n", &error))
            showError(tr("Export failed"), error);
    });
    m.exportMenu->addSeparator();
    m.exportLibrary =
        m.exportMenu->addAction(QString(), this, &MainWindow::showLibraryConfiguration);
    m.file->addSeparator();
    m.quit = m.file->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    // Scenario edits (fields, stage cards, phases) can be undone; a focused text field keeps
    // its own Ctrl+Z for the text being typed.
    m.edit = menuBar()->addMenu(QString());
    m.edit->setObjectName("editMenu");
    m.undo = m.edit->addAction(QString(), QKeySequence::Undo, m_document, &ScenarioDocument::undo);
    m.undo->setObjectName("undo");
    m.redo = m.edit->addAction(QString(), QKeySequence::Redo, m_document, &ScenarioDocument::redo);
    m.redo->setObjectName("redo");
    auto updateHistory = [this] {
        m_menus.undo->setEnabled(m_document->canUndo());
        m_menus.redo->setEnabled(m_document->canRedo());
    };
    connect(m_document, &ScenarioDocument::historyChanged, this, updateHistory);
    updateHistory();

    // Preset names are identifiers (preset:NAME): they stay; the description is the tooltip.
    m.presets = menuBar()->addMenu(QString());
    m.presets->setObjectName("presetsMenu");
    m.presets->setToolTipsVisible(true);
    for (const Preset &p : presets()) {
        const QString name = QString::fromUtf8(p.name.data(), static_cast<int>(p.name.size()));
        QAction *a =
            m.presets->addAction(name, this, [this, name] { openScenario("preset:" + name); });
        const ScenarioParse parse = parseScenarioText(p.json);
        a->setData(parse.ok() ? QString::fromStdString(parse.scenario->description) : QString());
    }

    m.view = menuBar()->addMenu(QString());
    m.view->setObjectName("viewMenu");
    QAction *showLog = m_eventDock->toggleViewAction();
    showLog->setObjectName("showEventLog");
    m.view->addAction(showLog);
    QAction *showSummary = m_summaryDock->toggleViewAction();
    showSummary->setObjectName("showSummary");
    m.view->addAction(showSummary);
    m.view->addSeparator();
    // View > Language: System, English, 简体中文 (each in its own language), kept in QSettings.
    m.language = m.view->addMenu(QString());
    m.language->setObjectName("languageMenu");
    m.languages = new QActionGroup(this);
    const auto addLanguage = [&](const QString &code) {
        QAction *a = m.language->addAction(Language::nativeName(code));
        a->setObjectName("language:" + code);
        a->setData(code);
        a->setCheckable(true);
        m.languages->addAction(a);
        return a;
    };
    m.systemLanguage = addLanguage(QStringLiteral("system"));
    for (const QString &code : Language::available())
        addLanguage(code);
    connect(m.languages, &QActionGroup::triggered, this, [](QAction *a) {
        const QString choice = a->data().toString();
        Language::saveChoice(choice);
        Language::instance().apply(choice);
    });
    connect(&Language::instance(), &Language::changed, this, &MainWindow::checkLanguage);
    checkLanguage();

    m.run = menuBar()->addMenu(QString());
    m.run->setObjectName("runMenu");
    m.run->addAction(m_transport->playAction());
    m.run->addAction(m_transport->stepAction());
    m.run->addAction(m_transport->stepTransitionAction());
    m.run->addAction(m_transport->resetAction());
    m.run->addAction(m_transport->runToEndAction());
    m.run->addAction(m_transport->fasterAction());
    m.run->addAction(m_transport->slowerAction());
    m.run->addSeparator();
    m_applyMode = new QActionGroup(this);
    m_hotAction = m.run->addAction(QString());
    m_hotAction->setCheckable(true);
    m_restartAction = m.run->addAction(QString());
    m_restartAction->setCheckable(true);
    m_applyMode->addAction(m_hotAction);
    m_applyMode->addAction(m_restartAction);
    const bool hot = QSettings().value("editing/hotApply", true).toBool();
    (hot ? m_hotAction : m_restartAction)->setChecked(true);
    connect(m_applyMode, &QActionGroup::triggered, this,
            [this](QAction *a) { QSettings().setValue("editing/hotApply", a == m_hotAction); });

    m.tune = menuBar()->addMenu(QString());
    m.tune->setObjectName("tuneMenu");
    m.sweep = m.tune->addAction(QString(), this, [this] { openSweep(); });
    m.sweep->setObjectName("parameterSweepAction");
    m.compare = m.tune->addAction(QString(), this, &MainWindow::openCompare);
    m.tune->addSeparator();
    m.tuneLibrary = m.tune->addAction(QString(), this, &MainWindow::showLibraryConfiguration);
}

void MainWindow::retranslate()
{
    m_eventDock->setWindowTitle(tr("Event log"));
    m_summaryDock->setWindowTitle(tr("Summary"));
    m_flowTabs->setTabText(0, tr("Flow"));
    m_flowTabs->setTabText(1, tr("Topology"));

    const Menus &m = m_menus;
    m.file->setTitle(tr("&File"));
    m.open->setText(tr("&Open…"));
    m.save->setText(tr("&Save"));
    m.saveAs->setText(tr("Save &As…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m.exportMenu->setTitle(tr("&Export"));
    m.exportDashboard->setText(tr("Dashboard as image (PNG, SVG, PDF)…"));
    m.exportCharts->setText(tr("Charts as image (PNG, SVG, PDF)…"));
    m.exportTimeseries->setText(tr("Time series (CSV)…"));
    m.exportEvents->setText(tr("Events (CSV)…"));
    m.exportSummary->setText(tr("Summary (JSON)…"));
    m.exportScenario->setText(tr("Scenario (JSON)…"));
    m.exportLibrary->setText(tr("Library configuration (resilience4j / Polly)…"));
    m.quit->setText(tr("&Quit"));

    m.edit->setTitle(tr("&Edit"));
    m.undo->setText(tr("&Undo edit"));
    m.redo->setText(tr("&Redo edit"));

    m.presets->setTitle(tr("&Presets"));
    for (QAction *a : m.presets->actions()) {
        const QString about = presetDescription(a->text(), a->data().toString());
        a->setToolTip(about);
        a->setStatusTip(about);
    }

    m.view->setTitle(tr("&View"));
    m_eventDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_summaryDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    m.language->setTitle(tr("&Language"));
    m.systemLanguage->setText(
        tr("System (%1)").arg(Language::nativeName(Language::resolve(QStringLiteral("system")))));

    m.run->setTitle(tr("&Run"));
    m_hotAction->setText(tr("Apply edits to the running simulation (hot)"));
    m_hotAction->setToolTip(tr("Edits take effect at the current simulated time; every chart "
                               "marks the moment with a vertical line"));
    m_restartAction->setText(tr("Restart the run on every edit"));

    m.tune->setTitle(tr("&Tune"));
    m.sweep->setText(tr("Parameter &sweep…"));
    m.sweep->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m.compare->setText(tr("Compare &A/B…"));
    m.compare->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m.tuneLibrary->setText(tr("Library &configuration (resilience4j / Polly)…"));

    updateTitle();
}

void MainWindow::checkLanguage()
{
    const QString choice = Language::instance().choice();
    for (QAction *a : m_menus.languages->actions())
        a->setChecked(a->data().toString() == choice);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

SweepWindow *MainWindow::openSweep(const QString &firstParameter)
{
    // A non-modal window on a copy of the current document; a clicked point replaces the
    // document as an edit (marked modified, nothing saved).
    auto *window = new SweepWindow(m_document->json(), m_document->displayName(), this);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &SweepWindow::loadConfiguration, this, [this](const QByteArray &json) {
        const auto doc = nlohmann::json::parse(json.toStdString(), nullptr, false);
        if (!doc.is_discarded())
            m_document->setJson(doc);
    });
    if (!firstParameter.isEmpty())
        window->chooseParameter(0, firstParameter);
    window->show();
    return window;
}

void MainWindow::onScenarioChanged(const Scenario &)
{
    m_applyDelay.start();
}

void MainWindow::updateTitle()
{
    setWindowTitle(QString("%1[*] — Resilience Lab").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

bool MainWindow::maybeDiscard()
{
    if (!m_document->isModified())
        return true;
    int answer = QMessageBox::Cancel;
    if (m_discardPrompt)
        answer = m_discardPrompt(m_document->displayName());
    else if (QGuiApplication::platformName() != "offscreen")
        answer = QMessageBox::warning(
            this, tr("Unsaved changes"),
            tr("\"%1\" has unsaved changes. Save them first?").arg(m_document->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::openScenario(const QString &source)
{
    if (!maybeDiscard())
        return false;
    QString error;
    if (!m_document->open(source, &error)) {
        showError(tr("Cannot open %1").arg(source), error);
        return false;
    }
    if (!source.startsWith("preset:"))
        addRecent(m_document->path());
    return true;
}

void MainWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

bool MainWindow::save()
{
    if (m_document->path().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        showError(tr("Save failed"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    if (QGuiApplication::platformName() == "offscreen")
        return false; // no one to ask for a file name

    const QString suggested =
        m_document->path().isEmpty() ? QString("scenario.json") : m_document->path();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested,
                                                      tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        showError(tr("Save failed"), error);
        return false;
    }
    addRecent(m_document->path());
    return true;
}

void MainWindow::addRecent(const QString &path)
{
    if (path.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value("files/recent").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue("files/recent", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("files/recent").toStringList();
    for (const QString &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this, [this, path] { openScenario(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(title + ": " + message, 8000);
    if (!m_quietErrors && QGuiApplication::platformName() != "offscreen")
        QMessageBox::warning(this, title, message);
}

bool MainWindow::exportDashboard(const QString &path)
{
    QString error;
    if (!m_charts->exportImage(path, QString(), &error)) {
        showError(tr("Export failed"), error);
        return false;
    }
    return true;
}

bool MainWindow::exportTimeseries(const QString &path)
{
    const Simulation *sim = m_controller->simulation();
    std::ostringstream out;
    if (sim)
        writeTimeseriesCsv(out, sim->recorder());
    QString error;
    if (!writeAtomically(path, out.str(), &error)) {
        showError(tr("Export failed"), error);
        return false;
    }
    return true;
}

bool MainWindow::exportEvents(const QString &path)
{
    std::ostringstream out;
    {
        CsvEventWriter writer(out);
        m_controller->replay(writer);
    }
    QString error;
    if (!writeAtomically(path, out.str(), &error)) {
        showError(tr("Export failed"), error);
        return false;
    }
    return true;
}

bool MainWindow::exportSummary(const QString &path)
{
    const Simulation *sim = m_controller->simulation();
    if (!sim)
        return false;
    QString error;
    if (!writeAtomically(path, summaryToJson(sim->summary()).dump(2) + "\n", &error)) {
        showError(tr("Export failed"), error);
        return false;
    }
    return true;
}

CompareWindow *MainWindow::openCompare()
{
    auto *window = new CompareWindow(m_document->json(), m_document->displayName(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

ConfigExportDialog *MainWindow::showLibraryConfiguration()
{
    if (!m_document->scenario()) {
        showError(tr("Library configuration"), tr("The scenario has no valid version yet."));
        return nullptr;
    }
    auto *dialog = new ConfigExportDialog(*m_document->scenario(), m_document->displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeDiscard())
        event->accept();
    else
        event->ignore();
}

} // namespace reslab::ui
