#pragma once

#include "editor/editor_hub.h"

#include <QWidget>

#include <string>
#include <vector>

class QFrame;
class QPushButton;
class QVBoxLayout;

namespace reslab::ui {

class StageCard;

/// The pipeline as an ordered list of stage cards, outermost first: add (a menu of types,
/// inserted after the selected card or at the end), remove, duplicate, and reorder by dragging
/// a card's grip (or its menu). Every reorder writes the whole new `pipeline` array in one
/// setValue.
class PipelineEditor final : public QWidget
{
    Q_OBJECT

public:
    /// `base`: the JSON path of the pipeline it edits (a call's: "services.gw.calls[0].pipeline").
    explicit PipelineEditor(EditorHub *hub, QWidget *parent = nullptr,
                            std::string base = "pipeline");

    /// Rebuilds the cards whose stage changed shape (type, policy, ...); all when the count did.
    void sync();
    void rebuild();

    int count() const { return static_cast<int>(m_cards.size()); }
    StageCard *card(int index) const;
    int selectedIndex() const { return m_selected; }
    void select(int index);
    QPushButton *addButton() const { return m_add; }

    void moveStage(int from, int to);
    void removeStage(int index);
    void duplicateStage(int index);
    /// Inserts a new stage of `type` after the selected card, or at the end.
    void addStage(const std::string &type);

    /// The insertion slot (0..count) for a point in global coordinates, while dragging.
    int slotAt(const QPoint &globalPos) const;

private:
    StageCard *makeCard(int index);
    void wireCard(StageCard *card);
    void onDragStarted(int index);
    void onDragMoved(const QPoint &globalPos);
    void onDragFinished(const QPoint &globalPos);
    void autoScroll(const QPoint &globalPos);

    EditorHub *m_hub;
    std::string m_base;
    QWidget *m_cardsBox = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QWidget *m_empty = nullptr;
    std::vector<StageCard *> m_cards;
    QFrame *m_indicator = nullptr;
    QPushButton *m_add = nullptr;
    int m_selected = -1;
    int m_dragFrom = -1;
};

} // namespace reslab::ui
