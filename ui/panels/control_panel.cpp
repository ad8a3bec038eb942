#include "panels/control_panel.h"

#include "binary_target.h"
#include "panels/descent_group.h"
#include "panels/features_group.h"
#include "panels/learning_rate_control.h"
#include "panels/lesson_group.h"
#include "panels/optimizer_group.h"
#include "panels/start_group.h"
#include "session/iteration_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace gdlab {

ControlPanel::ControlPanel(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_scrollArea(new QScrollArea(this))
    , m_lesson(new LessonGroup)
    , m_optimizer(new OptimizerGroup)
    , m_descent(new DescentGroup)
    , m_start(new StartGroup(model))
    , m_features(new FeaturesGroup)
{
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(m_lesson);
    column->addWidget(createLearningRateGroup());
    column->addWidget(m_optimizer);
    column->addWidget(m_descent);
    column->addWidget(m_start);
    column->addWidget(m_features);
    column->addStretch(1);

    m_scrollArea->setWidget(content);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    // Whatever does not fit (a very large font) scrolls into view rather than being clipped.
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scrollArea->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scrollArea);

    connect(m_lesson, &LessonGroup::lessonChosen, this, &ControlPanel::lessonChosen);
    connect(m_descent, &DescentGroup::settingsEdited, this, &ControlPanel::sendSettings);
    connect(m_optimizer, &OptimizerGroup::settingsEdited, this, &ControlPanel::sendSettings);
    connect(m_start, &StartGroup::settingsEdited, this, &ControlPanel::sendSettings);
    connect(m_features, &FeaturesGroup::problemSpecEdited, this, &ControlPanel::problemSpecEdited);
    // The learning-rate control follows the run itself; the rest of the panel is shown from here.
    connect(m_model, &IterationModel::runReset, this, &ControlPanel::showRun);
    showRun();
}

QWidget* ControlPanel::createLearningRateGroup()
{
    auto* group = new QGroupBox(tr("Learning rate"));
    auto* layout = new QVBoxLayout(group);
    m_learningRate = new LearningRateControl(m_model, group);
    layout->addWidget(m_learningRate);
    connect(m_learningRate, &LearningRateControl::learningRateEdited, this, [this](double rate) {
        SolverSettings settings = m_settings;
        settings.learningRate = rate;
        sendSettings(settings);
    });
    // Heavy ball's optimum is a pair: the rate and the momentum.
    connect(m_learningRate, &LearningRateControl::momentumOptimumChosen, this, [this](double rate, double momentum) {
        SolverSettings settings = m_settings;
        settings.learningRate = rate;
        settings.optimizer.momentum = momentum;
        sendSettings(settings);
    });
    return group;
}

void ControlPanel::refresh()
{
    showRun();
    m_learningRate->refresh();
}

void ControlPanel::showRun()
{
    ++m_refreshCount;
    const Run* run = m_model->run();
    m_settings = run ? run->settings : SolverSettings {};
    m_lesson->showRun(run);
    m_descent->showRowCount(run ? run->problem->sampleCount() : 0);
    m_descent->showBinaryTarget(run && run->dataset && isBinaryColumn(*run->dataset, run->problem->spec().target));
    m_descent->showSettings(m_settings);
    m_optimizer->showSettings(m_settings);
    // The problem first: the start boxes must exist for the settings to fill them.
    m_start->showProblem(run ? run->problem.get() : nullptr);
    m_start->showSettings(m_settings);
    m_features->showSpec(run ? run->problem->spec() : ProblemSpec {});
}

void ControlPanel::sendSettings(const SolverSettings& settings)
{
    // Every group keeps the whole settings, so the next edit in another group builds on this one even before
    // its run is back (a long run computes on a worker meanwhile). Their widgets show these values already.
    m_settings = settings;
    m_descent->showSettings(settings);
    m_optimizer->showSettings(settings);
    m_start->showSettings(settings);
    emit settingsEdited(settings);
}

QComboBox* ControlPanel::lessonCombo() const
{
    return m_lesson->lessonCombo();
}

QLabel* ControlPanel::lessonDescriptionLabel() const
{
    return m_lesson->descriptionLabel();
}

QSpinBox* ControlPanel::iterationsSpin() const
{
    return m_descent->iterationsSpin();
}

QComboBox* ControlPanel::methodCombo() const
{
    return m_descent->methodCombo();
}

QSpinBox* ControlPanel::batchSizeSpin() const
{
    return m_descent->batchSizeSpin();
}

QCheckBox* ControlPanel::shuffleCheck() const
{
    return m_descent->shuffleCheck();
}

QSpinBox* ControlPanel::seedSpin() const
{
    return m_descent->seedSpin();
}

QComboBox* ControlPanel::lossCombo() const
{
    return m_descent->lossCombo();
}

QLineEdit* ControlPanel::toleranceEdit() const
{
    return m_descent->toleranceEdit();
}

QComboBox* ControlPanel::initCombo() const
{
    return m_start->initCombo();
}

const QList<QDoubleSpinBox*>& ControlPanel::initValueSpins() const
{
    return m_start->initValueSpins();
}

QCheckBox* ControlPanel::standardizeCheck() const
{
    return m_features->standardizeCheck();
}

QCheckBox* ControlPanel::interceptCheck() const
{
    return m_features->interceptCheck();
}

} // namespace gdlab
