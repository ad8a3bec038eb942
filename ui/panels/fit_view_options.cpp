#include "panels/fit_view_options.h"

#include "session/session_controller.h"
#include "views/fit_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace gdlab {

namespace {

/** The combo's item data for "predicted against actual"; the other items hold their feature index. */
constexpr int kPredictedVsActual = -1;

} // namespace

FitViewOptions::FitViewOptions(FitPlot* plot, SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_plot(plot)
    , m_controller(controller)
    , m_viewCombo(new QComboBox(this))
    , m_leastSquaresCheck(new QCheckBox(tr("least squares"), this))
    , m_editCheck(new QCheckBox(tr("edit points"), this))
    , m_editHint(new QLabel(this))
    , m_hintText(tr("click to add · drag to move · right-click to remove"))
{
    // One row of controls over the plot; the plot takes any height to spare.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_viewCombo);
    layout->addWidget(m_leastSquaresCheck);
    layout->addWidget(m_editCheck);
    layout->addWidget(m_editHint, 1);

    m_viewCombo->setToolTip(tr("What the fit view plots"));
    m_viewCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_leastSquaresCheck->setToolTip(tr("Show the least-squares solution the descent is heading for"));
    m_leastSquaresCheck->setChecked(m_plot->showLeastSquares());
    m_editHint->setForegroundRole(QPalette::PlaceholderText);
    // In a small view (1280x720 split four ways) the hint gives way to the controls, elided, whole in its tooltip.
    m_editHint->setText(m_hintText);
    m_editHint->setToolTip(m_hintText + tr(" · Delete removes the selected point"));
    m_editHint->setMinimumWidth(0);
    m_editHint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_editHint->installEventFilter(this);

    connect(m_viewCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &FitViewOptions::onViewChosen);
    connect(m_leastSquaresCheck, &QCheckBox::toggled, m_plot, &FitPlot::setShowLeastSquares);
    connect(m_editCheck, &QCheckBox::toggled, m_plot, &FitPlot::setEditable);
    connect(m_plot, &FitPlot::fitModeChanged, this, &FitViewOptions::syncViewChoice);
    connect(m_plot, &FitPlot::featureChanged, this, &FitViewOptions::syncViewChoice);
    connect(m_plot, &FitPlot::editableChanged, this, &FitViewOptions::updateEditing);
    // The plot has rebuilt for the new problem by now: it was connected first, being built before this bar.
    connect(m_controller, &SessionController::problemChanged, this, [this] {
        rebuildViewChoices();
        updateEditing();
    });

    rebuildViewChoices();
    updateEditing();
}

FitViewOptions::~FitViewOptions() = default;

bool FitViewOptions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editHint && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        elideHint();
    return QWidget::eventFilter(watched, event);
}

void FitViewOptions::elideHint()
{
    m_editHint->setText(m_editHint->fontMetrics().elidedText(m_hintText, Qt::ElideRight, m_editHint->width()));
}

void FitViewOptions::rebuildViewChoices()
{
    const QSignalBlocker blocker(m_viewCombo);
    m_viewCombo->clear();
    const auto& problem = m_controller->problem();
    const QString target = problem ? QString::fromStdString(problem->targetName()) : tr("y");
    const QStringList features = m_plot->featureNames();
    for (int i = 0; i < features.size(); ++i)
        m_viewCombo->addItem(tr("%1 against %2").arg(target, features[i]), i);
    m_viewCombo->addItem(tr("predicted against actual %1").arg(target), kPredictedVsActual);
    m_viewCombo->setEnabled(problem != nullptr);
    syncViewChoice();
}

void FitViewOptions::syncViewChoice()
{
    const int wanted = m_plot->fitMode() == FitPlot::PredictedVsActual ? kPredictedVsActual : m_plot->feature();
    const int index = m_viewCombo->findData(wanted);
    const QSignalBlocker blocker(m_viewCombo);
    if (index >= 0)
        m_viewCombo->setCurrentIndex(index);
}

void FitViewOptions::onViewChosen(int index)
{
    if (index < 0)
        return;
    const int choice = m_viewCombo->itemData(index).toInt();
    if (choice == kPredictedVsActual) {
        m_plot->setFitMode(FitPlot::PredictedVsActual);
        return;
    }
    m_plot->setFeature(choice);
    m_plot->setFitMode(FitPlot::FeatureVsTarget);
}

void FitViewOptions::updateEditing()
{
    const bool possible = m_plot->canEditPoints();
    {
        const QSignalBlocker blocker(m_editCheck);
        m_editCheck->setChecked(m_plot->editingRequested() && possible);
    }
    m_editCheck->setEnabled(possible);
    // Where editing is impossible the check box stays in sight, greyed, and says why.
    m_editCheck->setToolTip(
        possible ? tr("Edit the data points on the plot; Ctrl+Z undoes an edit") : m_plot->editingUnavailableReason());
    m_editHint->setVisible(m_plot->isEditable());
}

} // namespace gdlab
