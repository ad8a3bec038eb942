#pragma once

#include "session/error_surface_model.h"

#include <QWidget>

class QComboBox;

namespace gdlab {

class IterationModel;
class ParameterLossPlot;

/**
 * @brief The options row over the loss along one parameter: which parameter, and (with more than one) what the
 * others are held at — the error surface's hold, so both views show the same slice of the loss.
 *
 * The choices go out as parameterChosen() and holdModeChosen() for the window to route; the combos follow the
 * plot and the surface model.
 */
class ParameterLossOptions : public QWidget {
    Q_OBJECT

public:
    ParameterLossOptions(const IterationModel* model, const ErrorSurfaceModel* surface, const ParameterLossPlot* plot,
        QWidget* parent = nullptr);

    QComboBox* parameterCombo() const { return m_parameterCombo; }
    QComboBox* holdCombo() const { return m_holdCombo; }

signals:
    void parameterChosen(int parameter);
    void holdModeChosen(gdlab::ErrorSurfaceModel::HoldMode mode);

private:
    void refresh();
    void syncFromPlot();

    const IterationModel* m_model;
    const ErrorSurfaceModel* m_surface;
    const ParameterLossPlot* m_plot;
    QComboBox* m_parameterCombo;
    QComboBox* m_holdCombo;
};

} // namespace gdlab
