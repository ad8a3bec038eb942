#pragma once

// Setting what a control shows to the run's value: only when it differs (so a control never gets the value it
// just sent echoed back), and without the control taking the change for a user's edit. Each returns whether it
// changed the control.

class QAbstractButton;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QString;
class QVariant;

namespace gdlab {

bool showValue(QSpinBox* spin, int value);
/** @brief Equal to the spin box's decimals counts as equal: it cannot show more. */
bool showValue(QDoubleSpinBox* spin, double value);
bool showChecked(QAbstractButton* button, bool checked);
/** @brief Selects the item whose data is data (nothing happens when there is none). */
bool showData(QComboBox* combo, const QVariant& data);
bool showText(QLineEdit* edit, const QString& text);

} // namespace gdlab
