#pragma once

#include <QComboBox>

#include <string>
#include <vector>

namespace reslab::ui {

/// Which stage of a kind a view shows, when the pipeline has more than one (two breakers, say):
/// a small combo box in the view's top-right corner, hidden while there is only one. It keeps
/// the chosen stage by name across frames and edits; a name that disappears falls back to the
/// first stage.
class StagePicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit StagePicker(QWidget *parent);
    /// The stages to choose from (their names, outermost first). Cheap when nothing changed.
    void setStages(const std::vector<std::string> &names);
    /// The chosen stage's index among the names last given (0 without a choice).
    int chosen() const { return std::max(0, currentIndex()); }
    /// Moves to the parent's top-right corner.
    void place();

signals:
    void stageChosen();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    std::vector<std::string> m_names;
};

} // namespace reslab::ui
