#pragma once

// The editor's input fields, one class per file; this header brings them all in.

#include "editor/bool_field.h"
#include "editor/choice_field.h"
#include "editor/editor_hub.h"
#include "editor/field_combo_box.h"
#include "editor/field_json.h"
#include "editor/field_slider.h"
#include "editor/field_spin_box.h"
#include "editor/framed_field.h"
#include "editor/outcome_set_field.h"
#include "editor/param_field.h"
#include "editor/parameter_catalog.h"
#include "editor/text_field.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>
