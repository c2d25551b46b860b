#pragma once

#include "editor/framed_field.h"

#include <string>
#include <utility>
#include <vector>

class QCheckBox;

namespace reslab::ui {

/// Check boxes for an outcome list (`record`, `retry_on`, `handle`), written in canonical order.
class OutcomeSetField final : public FramedField
{
    Q_OBJECT

public:
    OutcomeSetField(EditorHub *hub, std::string path, const QString &label,
                    std::vector<std::string> defaults, const QString &tooltip, QWidget *parent);
    QCheckBox *box(const std::string &outcome) const;
    bool coversSubtree() const override { return true; }
    void refresh() override;

private:
    void write();
    std::vector<std::string> m_defaults;
    std::vector<std::pair<std::string, QCheckBox *>> m_boxes;
};

} // namespace reslab::ui
