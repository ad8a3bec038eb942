#pragma once

#include "session/error_surface_model.h"

class QComboBox;

namespace gdlab {

/**
 * @brief The two entries of a "hold the other parameters" combo box (the surface slice's and the parameter-loss
 * view's), in one order, and the ErrorSurfaceModel::HoldMode each one stands for.
 */
namespace HoldModeChoice {

/** @brief Adds "others at least squares" and "others at the current step" to combo, in that order. */
void addItems(QComboBox* combo);
/** @brief The index of the least-squares entry, whose text follows the model (holdAtOptimumText()). */
constexpr int leastSquaresIndex = 0;
/** @brief The mode the entry at index stands for. */
ErrorSurfaceModel::HoldMode modeAt(int index);
/** @brief The index of the entry that stands for mode. */
int indexOf(ErrorSurfaceModel::HoldMode mode);

} // namespace HoldModeChoice

} // namespace gdlab
