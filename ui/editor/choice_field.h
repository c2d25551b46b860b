#pragma once

#include "editor/field_combo_box.h"
#include "editor/framed_field.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace reslab::ui {

/// A combo box for one string key with a fixed or computed list of choices.
class ChoiceField final : public FramedField
{
    Q_OBJECT

public:
    using Items = std::vector<std::pair<std::string, QString>>; ///< value, text shown
    struct Options
    {
        QString label;
        QString tooltip;
        std::string defaultChoice; ///< shown (greyed) while absent; empty: required
        Items items;
        std::function<Items()> itemsProvider; ///< recomputed on refresh (service names)
        /// Replaces the plain write (policy, mode, distribution switches rewrite the object).
        std::function<void(const std::string &)> apply;
        bool labelAbove = false;
    };

    ChoiceField(EditorHub *hub, std::string path, Options options, QWidget *parent);
    QComboBox *comboBox() const { return m_combo; }
    void refresh() override;

private:
    void setItems(const Items &items);
    Options m_options;
    Items m_items;
    QComboBox *m_combo = nullptr;
};

} // namespace reslab::ui
