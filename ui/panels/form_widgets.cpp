#include "panels/form_widgets.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFormLayout>

namespace gdlab {

namespace {

constexpr int kComboContentsLength = 8; // characters; longer items are cut short, the popup shows them whole

} // namespace

QFormLayout* makeForm(QWidget* parent)
{
    auto* form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Label and field side by side where they fit; with presentation fonts the field moves under its label
    // rather than make the panel wider than the window allows.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

QComboBox* makeCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(kComboContentsLength);
    return combo;
}

void widenPopup(QComboBox* combo)
{
    combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0) + 2 * combo->view()->frameWidth() + 8);
}

} // namespace gdlab
