#pragma once

#include "editor/editor_hub.h"
#include "editor/parameter_catalog.h"

#include <QColor>
#include <QFrame>

#include <string>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace reslab::ui {

class DragHandle;
class ToggleSwitch;

/// Colour and title of a stage type ("circuit_breaker" -> orange, "Circuit breaker").
QColor stageColor(const std::string &type);
QString stageTitle(const std::string &type);

/// The header of a stage card, bound to `pipeline[i]`: title, computed name, enabled switch,
/// error badge (counts every problem inside the stage).
/// The field a schema row gets: a switch for a boolean, a choice for an enumeration, a number
/// field otherwise; `path` is the key's JSON path.
QWidget *makeSchemaField(EditorHub *hub, const std::string &path, const ParamInfo &p,
                         QWidget *parent);

class StageHeader final : public BoundField
{
    Q_OBJECT

public:
    /// `base`: the JSON path of the pipeline ("pipeline", "services.gw.calls[0].pipeline").
    StageHeader(EditorHub *hub, int index, QWidget *parent, std::string base = "pipeline");
    ToggleSwitch *enabledSwitch() const { return m_switch; }
    DragHandle *dragHandle() const { return m_handle; }
    QToolButton *removeButton() const { return m_remove; }
    QToolButton *menuButton() const { return m_menu; }
    void refresh() override;
    /// The badge counts every problem in the stage; the messages appear at their fields or in
    /// the editor's problems list.
    void refreshErrors() override;
    bool showsErrors() const override { return false; }

private:
    int m_index;
    std::string m_base;
    DragHandle *m_handle = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_badge = nullptr;
    ToggleSwitch *m_switch = nullptr;
    QToolButton *m_menu = nullptr;
    QToolButton *m_remove = nullptr;
    bool m_updating = false;
};

/// One stage of the pipeline: a coloured card with its header and every parameter of its type
/// (and policy / mode). objectName "stage:<index>".
class StageCard final : public QFrame
{
    Q_OBJECT

public:
    StageCard(EditorHub *hub, int index, QWidget *parent, std::string base = "pipeline");

    int index() const { return m_index; }
    const std::string &shape() const { return m_shape; }
    const std::string &type() const { return m_type; }
    StageHeader *header() const { return m_header; }
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    void setDragging(bool dragging);

signals:
    void selectRequested(int index);
    void removeRequested(int index);
    void moveRequested(int from, int to);
    void duplicateRequested(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void buildBreaker(QVBoxLayout *layout, const nlohmann::json &stage);
    void buildRetry(QVBoxLayout *layout, const nlohmann::json &stage);
    void buildTimeout(QVBoxLayout *layout);
    void buildFallback(QVBoxLayout *layout, const nlohmann::json &stage);
    /// A field per schema row of the type's context, by kind (numbers, switches, choices).
    void buildFromSchema(QVBoxLayout *layout);
    /// The field for one schema row at `key` of this stage, by the row's kind.
    QWidget *schemaField(const std::string &key, const ParamInfo &p);
    std::string path(const std::string &key) const;

    EditorHub *m_hub;
    int m_index;
    std::string m_base;
    std::string m_shape;
    std::string m_type;
    QColor m_color;
    StageHeader *m_header = nullptr;
    QWidget *m_body = nullptr;
    bool m_selected = false;
    bool m_dragging = false;
};

} // namespace reslab::ui
