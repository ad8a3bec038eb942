#include "panels/hold_mode_choice.h"

#include <QComboBox>
#include <QCoreApplication>

namespace gdlab::HoldModeChoice {

namespace {

constexpr int currentStepIndex = 1;

} // namespace

void addItems(QComboBox* combo)
{
    combo->addItem(QCoreApplication::translate("HoldModeChoice", "others at least squares"));
    combo->addItem(QCoreApplication::translate("HoldModeChoice", "others at the current step"));
}

ErrorSurfaceModel::HoldMode modeAt(int index)
{
    return index == currentStepIndex ? ErrorSurfaceModel::HoldMode::CurrentIterate
                                     : ErrorSurfaceModel::HoldMode::LeastSquares;
}

int indexOf(ErrorSurfaceModel::HoldMode mode)
{
    return mode == ErrorSurfaceModel::HoldMode::CurrentIterate ? currentStepIndex : leastSquaresIndex;
}

} // namespace gdlab::HoldModeChoice
