#pragma once

// The form pieces the control panel's groups share, so that every group wraps and narrows the same way.

class QComboBox;
class QFormLayout;
class QWidget;

namespace gdlab {

/** @brief A form whose fields move under their labels rather than widen the panel (presentation fonts). */
QFormLayout* makeForm(QWidget* parent);
/** @brief A combo box that does not ask for the width of its longest item; its popup still shows items whole. */
QComboBox* makeCombo(QWidget* parent);
/** @brief Makes the combo's popup wide enough for its longest item. */
void widenPopup(QComboBox* combo);

} // namespace gdlab
