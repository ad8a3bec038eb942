#include "shell/second_view_tabs.h"

#include "problem.h"
#include "run.h"
#include "session/iteration_model.h"

#include <QTabBar>

namespace gdlab {

SecondViewTabs::SecondViewTabs(const IterationModel* model, QWidget* contour, QWidget* alongParameter, QWidget* parent)
    : QTabWidget(parent)
    , m_model(model)
{
    setDocumentMode(true);
    addTab(contour, tr("Contour"));
    addTab(alongParameter, tr("Along one parameter"));
    setTabToolTip(Contour, tr("The loss over two parameters as a colour map with contour lines"));
    setTabToolTip(AlongParameter,
        tr("The loss along one parameter, the others held: the curve, the current value and the tangent whose "
           "slope is the partial derivative"));
    // The tabs are for the mouse; the keyboard keeps stepping through the descent.
    tabBar()->setFocusPolicy(Qt::NoFocus);
    connect(m_model, &IterationModel::runReset, this, &SecondViewTabs::onRunReset);
    onRunReset(RunCause::NewData);
}

void SecondViewTabs::setContourCorner(QWidget* widget)
{
    setCornerWidget(widget, Qt::TopRightCorner);
    widget->setVisible(currentIndex() == Contour);
    connect(this, &QTabWidget::currentChanged, widget, [widget](int index) { widget->setVisible(index == Contour); });
}

void SecondViewTabs::onRunReset(RunCause cause)
{
    const bool otherParameters
        = cause == RunCause::NewLesson || cause == RunCause::NewData || cause == RunCause::NewColumns;
    const int parameters = m_model->run() ? static_cast<int>(m_model->run()->problem->parameterCount()) : 0;
    if (!otherParameters && parameters == m_parameters)
        return;
    if (parameters == 1)
        setCurrentIndex(AlongParameter);
    else if (m_parameters == 1)
        setCurrentIndex(Contour);
    m_parameters = parameters;
}

} // namespace gdlab
