#include "editor/pipeline_editor.h"

#include "editor/editor_widgets.h"
#include "editor/json_edits.h"
#include "editor/stage_card.h"

#include "reslab/stages/stage_pattern.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace reslab::ui {

PipelineEditor::PipelineEditor(EditorHub *hub, QWidget *parent, std::string base)
    : QWidget(parent)
    , m_hub(hub)
    , m_base(std::move(base))
{
    setObjectName(m_base == "pipeline" ? QString("pipelineEditor")
                                       : QString::fromStdString("pipelineEditor:" + m_base));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(makeNote(tr("Outermost first: a request passes the stages from top to "
                                  "bottom, then reaches the target service. Drag a card's grip "
                                  "to reorder."),
                               this));

    m_cardsBox = new QWidget(this);
    m_cardsBox->setObjectName("stageCards");
    m_cardsLayout = new QVBoxLayout(m_cardsBox);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->setSpacing(8);
    layout->addWidget(m_cardsBox);

    m_indicator = new QFrame(m_cardsBox);
    m_indicator->setObjectName("dropIndicator");
    m_indicator->setFixedHeight(4);
    m_indicator->setStyleSheet("background: palette(highlight); border-radius: 2px;");
    m_indicator->hide();

    // The client's pipeline ends at the target; a call's at the service it calls.
    const std::string calleeKey =
        m_base == "pipeline"
            ? std::string("target")
            : m_base.substr(0, m_base.size() - std::string(".pipeline").size()) + ".to";
    auto *target = new ComputedNote(
        hub, m_base + ":target",
        [hub, calleeKey] {
            const nlohmann::json t = hub->value(calleeKey);
            if (!t.is_string())
                return QString();
            const QString name = QString::fromStdString(t.get<std::string>());
            return calleeKey == "target" ? tr("↳ then the target service: %1").arg(name)
                                         : tr("↳ then the called service: %1").arg(name);
        },
        this);
    layout->addWidget(target);

    auto *row = new QHBoxLayout;
    m_add = new QPushButton(tr("Add stage"), this);
    m_add->setObjectName("addStage");
    m_add->setToolTip(tr("Insert a stage after the selected card (or at the end)"));
    auto *menu = new QMenu(m_add);
    for (const StagePattern *pattern : stagePatterns()) { // every stage type the engine has
        const std::string t(pattern->key);
        QAction *a = menu->addAction(stageTitle(t));
        a->setObjectName(QStringLiteral("add:%1").arg(QString::fromStdString(t)));
        QPixmap swatch(12, 12);
        swatch.fill(stageColor(t));
        a->setIcon(QIcon(swatch));
        connect(a, &QAction::triggered, this, [this, t] { addStage(t); });
    }
    m_add->setMenu(menu);
    row->addWidget(m_add);
    row->addStretch(1);
    layout->addLayout(row);

    // Working in a card (typing, tabbing) selects it, so "Add stage" inserts after it.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (!now)
            return;
        for (StageCard *c : m_cards) {
            if (c->isAncestorOf(now)) {
                if (m_selected != c->index())
                    select(c->index());
                return;
            }
        }
    });

    rebuild();
}

StageCard *PipelineEditor::card(int index) const
{
    return index >= 0 && index < count() ? m_cards[static_cast<std::size_t>(index)] : nullptr;
}

StageCard *PipelineEditor::makeCard(int index)
{
    auto *c = new StageCard(m_hub, index, m_cardsBox, m_base);
    wireCard(c);
    c->setSelected(index == m_selected);
    return c;
}

void PipelineEditor::wireCard(StageCard *c)
{
    connect(c, &StageCard::selectRequested, this, &PipelineEditor::select);
    connect(c, &StageCard::removeRequested, this, &PipelineEditor::removeStage);
    connect(c, &StageCard::duplicateRequested, this, &PipelineEditor::duplicateStage);
    connect(c, &StageCard::moveRequested, this, &PipelineEditor::moveStage);
    const int index = c->index();
    DragHandle *h = c->header()->dragHandle();
    connect(h, &DragHandle::dragStarted, this, [this, index] { onDragStarted(index); });
    connect(h, &DragHandle::dragMoved, this, &PipelineEditor::onDragMoved);
    connect(h, &DragHandle::dragFinished, this, &PipelineEditor::onDragFinished);
}

void PipelineEditor::rebuild()
{
    for (StageCard *c : m_cards)
        retireWidget(c);
    m_cards.clear();
    if (m_empty) {
        retireWidget(m_empty);
        m_empty = nullptr;
    }
    const nlohmann::json pipeline = m_hub->value(m_base);
    const int n = pipeline.is_array() ? static_cast<int>(pipeline.size()) : 0;
    if (m_selected >= n)
        m_selected = n - 1;
    for (int i = 0; i < n; ++i) {
        StageCard *c = makeCard(i);
        m_cards.push_back(c);
        m_cardsLayout->addWidget(c);
    }
    if (n == 0) {
        m_empty = makeNote(tr("No stages: every request goes straight to the target service. "
                              "Add a stage below."),
                           m_cardsBox);
        m_cardsLayout->addWidget(m_empty);
    }
}

void PipelineEditor::sync()
{
    const nlohmann::json pipeline = m_hub->value(m_base);
    const int n = pipeline.is_array() ? static_cast<int>(pipeline.size()) : 0;
    if (n != count()) {
        rebuild();
        return;
    }
    for (int i = 0; i < n; ++i) {
        StageCard *old = m_cards[static_cast<std::size_t>(i)];
        if (stageShape(pipeline[static_cast<std::size_t>(i)]) == old->shape())
            continue;
        StageCard *c = makeCard(i);
        m_cardsLayout->replaceWidget(old, c);
        m_cards[static_cast<std::size_t>(i)] = c;
        retireWidget(old);
    }
}

void PipelineEditor::select(int index)
{
    m_selected = index;
    for (StageCard *c : m_cards)
        c->setSelected(c->index() == index);
}

void PipelineEditor::moveStage(int from, int to)
{
    nlohmann::json pipeline = m_hub->value(m_base);
    if (!pipeline.is_array())
        return;
    const int n = static_cast<int>(pipeline.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return;
    nlohmann::json stage = pipeline[static_cast<std::size_t>(from)];
    pipeline.erase(pipeline.begin() + from);
    pipeline.insert(pipeline.begin() + to, std::move(stage));
    m_selected = to;
    m_hub->write(m_base, pipeline);
    select(to);
}

void PipelineEditor::removeStage(int index)
{
    nlohmann::json pipeline = m_hub->value(m_base);
    if (!pipeline.is_array() || index < 0 || index >= static_cast<int>(pipeline.size()))
        return;
    pipeline.erase(pipeline.begin() + index);
    if (m_selected >= index)
        m_selected = m_selected > index ? m_selected - 1 : -1;
    m_hub->write(m_base, pipeline);
}

void PipelineEditor::duplicateStage(int index)
{
    nlohmann::json pipeline = m_hub->value(m_base);
    if (!pipeline.is_array() || index < 0 || index >= static_cast<int>(pipeline.size()))
        return;
    nlohmann::json copy = pipeline[static_cast<std::size_t>(index)];
    if (copy.is_object())
        copy.erase("name"); // names must stay unique
    pipeline.insert(pipeline.begin() + index + 1, std::move(copy));
    m_selected = index + 1;
    m_hub->write(m_base, pipeline);
    select(index + 1);
}

void PipelineEditor::addStage(const std::string &type)
{
    nlohmann::json pipeline = m_hub->value(m_base);
    if (!pipeline.is_array())
        pipeline = nlohmann::json::array();
    const int n = static_cast<int>(pipeline.size());
    const int at = m_selected >= 0 && m_selected < n ? m_selected + 1 : n;
    pipeline.insert(pipeline.begin() + at, newStage(type));
    m_selected = at;
    m_hub->write(m_base, pipeline);
    select(at);
    // Bring the new card into view once the layout has placed it.
    QTimer::singleShot(0, this, [this, at] {
        StageCard *c = card(at);
        for (QWidget *w = parentWidget(); c && w; w = w->parentWidget()) {
            if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
                scroll->ensureWidgetVisible(c, 20, 40);
                break;
            }
        }
    });
}

int PipelineEditor::slotAt(const QPoint &globalPos) const
{
    const QPoint p = m_cardsBox->mapFromGlobal(globalPos);
    for (int i = 0; i < count(); ++i) {
        const QRect g = m_cards[static_cast<std::size_t>(i)]->geometry();
        if (p.y() < g.center().y())
            return i;
    }
    return count();
}

void PipelineEditor::onDragStarted(int index)
{
    m_dragFrom = index;
    select(index);
    if (StageCard *c = card(index))
        c->setDragging(true);
}

void PipelineEditor::onDragMoved(const QPoint &globalPos)
{
    if (m_dragFrom < 0 || m_cards.empty())
        return;
    const int slot = slotAt(globalPos);
    const int spacing = m_cardsLayout->spacing();
    int y = 0;
    if (slot < count())
        y = m_cards[static_cast<std::size_t>(slot)]->geometry().top() - spacing / 2 - 2;
    else
        y = m_cards.back()->geometry().bottom() + spacing / 2 - 1;
    m_indicator->setGeometry(0, std::max(0, y), m_cardsBox->width(), 4);
    const bool noop = slot == m_dragFrom || slot == m_dragFrom + 1;
    m_indicator->setVisible(!noop);
    m_indicator->raise();
    autoScroll(globalPos);
}

void PipelineEditor::onDragFinished(const QPoint &globalPos)
{
    m_indicator->hide();
    const int from = m_dragFrom;
    m_dragFrom = -1;
    if (StageCard *c = card(from))
        c->setDragging(false);
    if (from < 0)
        return;
    const int slot = slotAt(globalPos);
    const int to = slot > from ? slot - 1 : slot;
    if (to != from)
        moveStage(from, to);
}

void PipelineEditor::autoScroll(const QPoint &globalPos)
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        auto *scroll = qobject_cast<QScrollArea *>(w);
        if (!scroll)
            continue;
        const QPoint p = scroll->viewport()->mapFromGlobal(globalPos);
        const int margin = 40;
        QScrollBar *bar = scroll->verticalScrollBar();
        if (p.y() < margin)
            bar->setValue(bar->value() - (margin - p.y()) / 2 - 2);
        else if (p.y() > scroll->viewport()->height() - margin)
            bar->setValue(bar->value() + (p.y() - scroll->viewport()->height() + margin) / 2 + 2);
        return;
    }
}

} // namespace reslab::ui
