#include "panels/parameter_loss_options.h"
#include "panels/hold_mode_choice.h"

#include "panels/flow_layout.h"

#include "session/iteration_model.h"
#include "views/parameter_loss_plot.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>

namespace gdlab {

ParameterLossOptions::ParameterLossOptions(
    const IterationModel* model, const ErrorSurfaceModel* surface, const ParameterLossPlot* plot, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_surface(surface)
    , m_plot(plot)
    , m_parameterCombo(new QComboBox(this))
    , m_holdCombo(new QComboBox(this))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // not Fixed: see FlowLayout
    // Wraps where the view is narrow instead of widening the window.
    auto* layout = new FlowLayout(this, 4);
    layout->addWidget(new QLabel(tr("Loss along:"), this));
    layout->addWidget(m_parameterCombo);
    layout->addWidget(m_holdCombo);
    // Long column names must not widen the row; the popup shows them whole.
    for (QComboBox* combo : { m_parameterCombo, m_holdCombo }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(7);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    m_parameterCombo->setToolTip(tr("The parameter along the horizontal axis; the others are held"));
    HoldModeChoice::addItems(m_holdCombo);
    m_holdCombo->setToolTip(tr("At the current step, the tangent's slope is the one the update uses, and the "
                               "curve moves as you step; the error surface holds them the same way"));

    connect(m_parameterCombo, qOverload<int>(&QComboBox::activated), this, &ParameterLossOptions::parameterChosen);
    connect(m_holdCombo, qOverload<int>(&QComboBox::activated), this,
        [this](int index) { emit holdModeChosen(HoldModeChoice::modeAt(index)); });
    connect(m_model, &IterationModel::runReset, this, &ParameterLossOptions::refresh);
    connect(m_plot, &ParameterLossPlot::parameterChanged, this, &ParameterLossOptions::syncFromPlot);
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &ParameterLossOptions::syncFromPlot);
    refresh();
}

void ParameterLossOptions::refresh()
{
    QStringList labels;
    const QStringList& symbols = m_model->parameterSymbols();
    for (int p = 0; p < symbols.size(); ++p)
        labels << m_surface->axisTitle(p);
    QStringList items;
    for (int k = 0; k < m_parameterCombo->count(); ++k)
        items << m_parameterCombo->itemText(k);
    if (items != labels) {
        const QSignalBlocker blocker(m_parameterCombo);
        m_parameterCombo->clear();
        m_parameterCombo->addItems(labels);
    }
    // With one parameter there is nothing to hold.
    m_holdCombo->setVisible(labels.size() > 1);
    m_holdCombo->setItemText(HoldModeChoice::leastSquaresIndex, m_surface->holdAtOptimumText());
    syncFromPlot();
}

void ParameterLossOptions::syncFromPlot()
{
    const QSignalBlocker blockParameter(m_parameterCombo);
    const QSignalBlocker blockHold(m_holdCombo);
    if (m_plot->parameter() < m_parameterCombo->count())
        m_parameterCombo->setCurrentIndex(m_plot->parameter());
    m_holdCombo->setCurrentIndex(HoldModeChoice::indexOf(m_surface->holdMode()));
}

} // namespace gdlab
