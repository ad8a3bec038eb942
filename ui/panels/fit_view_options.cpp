#include "panels/fit_view_options.h"

#include "panels/flow_layout.h"

#include "run.h"

#include "session/iteration_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>

#include <utility>
#include <vector>

namespace gdlab {

namespace {

/** The combo's item data for "predicted against actual"; the other items hold their feature index. */
constexpr int kPredictedVsActual = -1;

} // namespace

FitViewOptions::FitViewOptions(const IterationModel* model, const FitPlot* plot, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_plot(plot)
    , m_viewCombo(new QComboBox(this))
    , m_leastSquaresCheck(new QCheckBox(tr("least squares"), this))
    , m_editCheck(new QCheckBox(tr("edit points"), this))
    , m_editHint(new QLabel(this))
    , m_hintText(tr("double-click to add · drag to move · right-click to remove"))
{
    // One row of controls over the plot; the plot takes any height to spare.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // not Fixed: see FlowLayout
    // Wraps where the view is narrow instead of widening the window; the hint takes the rest of its line.
    auto* layout = new FlowLayout(this);
    layout->addWidget(m_viewCombo);
    layout->addWidget(m_leastSquaresCheck);
    layout->addWidget(m_editCheck);
    layout->addWidget(m_editHint);

    m_viewCombo->setToolTip(tr("What the fit view plots"));
    m_viewCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_leastSquaresCheck->setChecked(m_plot->showLeastSquares());
    m_editHint->setForegroundRole(QPalette::PlaceholderText);
    // In a small view (1280x720 split four ways) the hint gives way to the controls, elided, whole in its tooltip.
    m_editHint->setText(m_hintText);
    m_editHint->setToolTip(m_hintText + tr(" · Delete removes the selected point"));
    m_editHint->setMinimumWidth(0);
    m_editHint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_editHint->installEventFilter(this);

    connect(m_viewCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &FitViewOptions::onViewChosen);
    connect(m_leastSquaresCheck, &QCheckBox::toggled, this, &FitViewOptions::showLeastSquaresChosen);
    connect(m_editCheck, &QCheckBox::toggled, this, &FitViewOptions::editingChosen);
    connect(m_plot, &FitPlot::fitModeChanged, this, &FitViewOptions::syncViewChoice);
    connect(m_plot, &FitPlot::featureChanged, this, &FitViewOptions::syncViewChoice);
    connect(m_plot, &FitPlot::editableChanged, this, &FitViewOptions::updateEditing);
    connect(m_model, &IterationModel::runReset, this, &FitViewOptions::refresh);

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

void FitViewOptions::refresh()
{
    ++m_refreshCount;
    rebuildViewChoices();
    updateEditing();
}

void FitViewOptions::rebuildViewChoices()
{
    const Run* run = m_model->run();
    const QString target = run ? QString::fromStdString(run->problem->targetName()) : tr("y");
    const QStringList features = m_plot->featureNames();
    std::vector<std::pair<QString, int>> choices;
    // With several features the view opens on predicted against actual, and each feature's plot is a partial
    // residual: the target less the other features' terms, through which the line is the whole fit.
    const bool several = features.size() > 1;
    const bool logistic = run && run->isLogistic();
    if (logistic) {
        // The logistic fit is a probability: one feature draws the curve over the classes, more map the classes over
        // the first two features with the decision line.
        choices.emplace_back(several ? tr("classes over %1 and %2").arg(features[0], features[1])
                                     : tr("P(%1 = 1) against %2").arg(target, features.value(0)),
            0);
        choices.emplace_back(tr("predicted p against actual %1").arg(target), kPredictedVsActual);
    } else {
        if (several)
            choices.emplace_back(tr("predicted against actual %1").arg(target), kPredictedVsActual);
        for (int i = 0; i < features.size(); ++i)
            choices.emplace_back(several ? tr("partial residual against %1").arg(features[i])
                                         : tr("%1 against %2").arg(target, features[i]),
                i);
        if (!several)
            choices.emplace_back(tr("predicted against actual %1").arg(target), kPredictedVsActual);
    }
    // The model's optimum: least squares, or Newton's for the logistic model.
    m_leastSquaresCheck->setText(logistic ? tr("optimum") : tr("least squares"));
    m_leastSquaresCheck->setToolTip(logistic ? tr("Show Newton's optimum, the fit the descent is heading for")
                                             : tr("Show the least-squares solution the descent is heading for"));
    m_leastSquaresCheck->setEnabled(!run || run->optimum());

    // The same choices (another learning rate, say) leave the combo as it is.
    bool same = m_viewCombo->count() == static_cast<int>(choices.size());
    for (int i = 0; same && i < m_viewCombo->count(); ++i)
        same = m_viewCombo->itemText(i) == choices[static_cast<std::size_t>(i)].first;
    if (!same) {
        const QSignalBlocker blocker(m_viewCombo);
        m_viewCombo->clear();
        for (const auto& [text, data] : choices) {
            m_viewCombo->addItem(text, data);
            if (several && !logistic && data != kPredictedVsActual)
                m_viewCombo->setItemData(m_viewCombo->count() - 1,
                    tr("%1 less the other features' terms at the current θ, against %2: the line θ0 + θᵢ·%2 is "
                       "then the whole fit, and the vertical distances are the residuals")
                        .arg(target, features[data]),
                    Qt::ToolTipRole);
        }
    }
    m_viewCombo->setEnabled(run != nullptr);
    syncViewChoice();
}

void FitViewOptions::syncViewChoice()
{
    const int wanted = m_plot->fitMode() == FitPlot::PredictedVsActual ? kPredictedVsActual : m_plot->feature();
    const int index = m_viewCombo->findData(wanted);
    if (index < 0 || index == m_viewCombo->currentIndex())
        return;
    const QSignalBlocker blocker(m_viewCombo);
    m_viewCombo->setCurrentIndex(index);
}

void FitViewOptions::onViewChosen(int index)
{
    if (index < 0)
        return;
    const int choice = m_viewCombo->itemData(index).toInt();
    if (choice == kPredictedVsActual) {
        emit fitModeChosen(FitPlot::PredictedVsActual);
        return;
    }
    // The feature first: against it, the view then redraws once.
    emit featureChosen(choice);
    emit fitModeChosen(FitPlot::FeatureVsTarget);
}

void FitViewOptions::updateEditing()
{
    const bool possible = m_plot->canEditPoints();
    const bool checked = m_plot->editingRequested() && possible;
    if (m_editCheck->isChecked() != checked) {
        const QSignalBlocker blocker(m_editCheck);
        m_editCheck->setChecked(checked);
    }
    m_editCheck->setEnabled(possible);
    // Where editing is impossible the check box stays in sight, greyed, and says why.
    m_editCheck->setToolTip(
        possible ? tr("Edit the data points on the plot; Ctrl+Z undoes an edit") : m_plot->editingUnavailableReason());
    m_editHint->setVisible(m_plot->isEditable());
}

} // namespace gdlab
