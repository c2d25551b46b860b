#pragma once

#include "editor/framed_field.h"
#include "editor/parameter_catalog.h"

#include <string>

class QCheckBox;

namespace reslab::ui {

/// A check box for one boolean key; absent shows the default with a "default" hint.
class BoolField final : public FramedField
{
    Q_OBJECT

public:
    BoolField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent);
    QCheckBox *checkBox() const { return m_box; }
    void refresh() override;

private:
    ParamInfo m_info;
    QCheckBox *m_box = nullptr;
};

} // namespace reslab::ui
