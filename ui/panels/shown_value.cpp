#include "panels/shown_value.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>

namespace gdlab {

bool showValue(QSpinBox* spin, int value)
{
    if (spin->value() == value)
        return false;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
    return true;
}

bool showValue(QDoubleSpinBox* spin, double value)
{
    if (std::abs(spin->value() - value) < 0.5 * std::pow(10.0, -spin->decimals()))
        return false;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
    return true;
}

bool showChecked(QAbstractButton* button, bool checked)
{
    if (button->isChecked() == checked)
        return false;
    const QSignalBlocker blocker(button);
    button->setChecked(checked);
    return true;
}

bool showData(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    if (index < 0 || index == combo->currentIndex())
        return false;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(index);
    return true;
}

bool showText(QLineEdit* edit, const QString& text)
{
    if (edit->text() == text)
        return false;
    const QSignalBlocker blocker(edit);
    edit->setText(text);
    return true;
}

} // namespace gdlab
