#pragma once

#include "editor/editor_hub.h"

#include <QAbstractButton>
#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QHBoxLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace reslab::ui {

class ChoiceField;

/// A titled section whose body folds away (its state survives rebuilds, kept by the hub).
class CollapsibleSection final : public QWidget
{
    Q_OBJECT

public:
    /// level 0: a top-level section (General, Load, ...); 1: a nested one (a service).
    CollapsibleSection(EditorHub *hub, const QString &key, const QString &title, int level,
                       QWidget *parent, bool collapsedByDefault = false);

    QWidget *body() const { return m_body; }
    QVBoxLayout *bodyLayout() const { return m_bodyLayout; }
    /// Widgets added here sit on the right of the title.
    QHBoxLayout *headerLayout() const { return m_headerLayout; }
    QToolButton *toggleButton() const { return m_toggle; }
    void setTitle(const QString &title);
    /// A short grey note after the title ("target", "3 problems").
    void setBadge(const QString &text, bool warning = false);
    bool isCollapsed() const;
    void setCollapsed(bool collapsed);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    EditorHub *m_hub;
    QString m_key;
    int m_level;
    QWidget *m_header = nullptr;
    QHBoxLayout *m_headerLayout = nullptr;
    QToolButton *m_toggle = nullptr;
    QLabel *m_badge = nullptr;
    QWidget *m_body = nullptr;
    QVBoxLayout *m_bodyLayout = nullptr;
};

/// An on/off switch (a checkable button drawn as a track and a knob).
class ToggleSwitch final : public QAbstractButton
{
    Q_OBJECT

public:
    explicit ToggleSwitch(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

/// The grip of a stage card: press and drag to reorder.
class DragHandle final : public QWidget
{
    Q_OBJECT

public:
    explicit DragHandle(QWidget *parent = nullptr);
    QSize sizeHint() const override { return {12, 22}; }

signals:
    void dragStarted();
    void dragMoved(const QPoint &globalPos);
    void dragFinished(const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QPoint m_pressPos;
    bool m_pressed = false;
    bool m_dragging = false;
};

/// A grey line of text computed from the document on every change (delay previews, targets).
class ComputedNote final : public BoundField
{
    Q_OBJECT

public:
    ComputedNote(EditorHub *hub, std::string path, std::function<QString()> text, QWidget *parent);
    QLabel *label() const { return m_label; }
    void refresh() override;
    void refreshErrors() override {}
    bool showsErrors() const override { return false; }

private:
    std::function<QString()> m_text;
    QLabel *m_label;
};

/// A latency distribution: the `dist` combo (switching replaces the object with defaults on
/// the same scale) and the distribution's own numbers, with a one-line summary (p50, p99, mean).
class DistributionEditor final : public BoundField
{
    Q_OBJECT

public:
    struct Options
    {
        QString title;
        QString tooltip;
        bool removable = false;       ///< a "×" removes the key (error latency, phase overrides)
        QString absentText;           ///< shown while absent (with a "Set" button that adds it)
        nlohmann::json absentDefault; ///< what "Set" writes
    };
    DistributionEditor(EditorHub *hub, std::string path, Options options, QWidget *parent);
    void refresh() override;

private:
    Options m_options;
    ComputedNote *m_summary = nullptr;
};

/// A summary of a distribution: "p50 40 ms · p99 400 ms · mean 56 ms".
QString distributionSummary(const nlohmann::json &dist);

/// The phases of the load or of a service: one box per phase (at_s + the keys it sets, each
/// removable; "+" adds a key with the current base value), "Add phase", "Remove".
class PhaseList final : public QWidget
{
    Q_OBJECT

public:
    struct Key
    {
        std::string key;
        QString label;
        bool distribution = false;
    };
    /// `base`: "load" or "services.NAME"; `context`: "load_phase" or "service_phase".
    PhaseList(EditorHub *hub, std::string base, std::string context, std::vector<Key> keys,
              QWidget *parent);

private:
    void addPhase();
    EditorHub *m_hub;
    std::string m_base;
    std::string m_context;
    std::vector<Key> m_keys;
};

} // namespace reslab::ui
