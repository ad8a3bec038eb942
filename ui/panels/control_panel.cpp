#include "panels/control_panel.h"

#include "dataset.h"

#include "lesson.h"
#include "panels/learning_rate_control.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

namespace gdlab {

namespace {

constexpr int kMaxIterations = 1'000'000;
constexpr int kMaxBatchSize = 1'000'000;
constexpr double kStartValueLimit = 1e6; // far beyond any lesson, and keeps the spin boxes narrow
constexpr int kComboContentsLength = 8; // characters; longer items are cut short, the popup shows them whole

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

/** A combo box that does not ask for the width of its longest item; its popup still shows items whole. */
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

void selectData(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

ControlPanel::ControlPanel(SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_scrollArea(new QScrollArea(this))
{
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(4, 4, 4, 4);
    column->addWidget(createLessonGroup());
    column->addWidget(createLearningRateGroup());
    column->addWidget(createDescentGroup());
    column->addWidget(createStartGroup());
    column->addWidget(createFeaturesGroup());
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

    connect(m_controller, &SessionController::problemChanged, this, &ControlPanel::refreshAll);
    connect(m_controller, &SessionController::settingsChanged, this, &ControlPanel::refreshSettings);
    refreshAll();
}

QWidget* ControlPanel::createLessonGroup()
{
    auto* group = new QGroupBox(tr("Lesson"));
    auto* layout = new QVBoxLayout(group);
    m_lessonCombo = makeCombo(group);
    m_lessonCombo->setAccessibleName(tr("Lesson"));
    for (const Lesson& lesson : lessonCatalog()) {
        m_lessonCombo->addItem(QString::fromStdString(lesson.title), QString::fromStdString(lesson.name));
        m_lessonCombo->setItemData(
            m_lessonCombo->count() - 1, QString::fromStdString(lesson.description), Qt::ToolTipRole);
    }
    m_lessonDescription = new QLabel(group);
    m_lessonDescription->setWordWrap(true);
    m_lessonDescription->setTextFormat(Qt::PlainText);
    layout->addWidget(m_lessonCombo);
    layout->addWidget(m_lessonDescription);
    connect(m_lessonCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &ControlPanel::onLessonChosen);
    return group;
}

QWidget* ControlPanel::createLearningRateGroup()
{
    auto* group = new QGroupBox(tr("Learning rate"));
    auto* layout = new QVBoxLayout(group);
    m_learningRate = new LearningRateControl(group);
    layout->addWidget(m_learningRate);
    connect(m_learningRate, &LearningRateControl::learningRateChanged, this, [this](double rate) {
        if (!m_controller->setLearningRate(rate).isEmpty())
            refreshSettings();
    });
    return group;
}

QWidget* ControlPanel::createDescentGroup()
{
    auto* group = new QGroupBox(tr("Descent"));
    QFormLayout* form = makeForm(group);

    m_iterations = new QSpinBox(group);
    m_iterations->setRange(1, kMaxIterations);
    m_iterations->setGroupSeparatorShown(true);
    // Typing "5000" must not recompute 5, 50 and 500 iterations on the way.
    m_iterations->setKeyboardTracking(false);
    m_iterations->setToolTip(tr("The most updates to make (for SGD, one update per sample)"));
    form->addRow(tr("Iterations"), m_iterations);

    m_method = makeCombo(group);
    m_method->addItem(tr("batch"), int(DescentMethod::Batch));
    m_method->addItem(tr("SGD (one sample)"), int(DescentMethod::Sgd));
    m_method->addItem(tr("mini-batch"), int(DescentMethod::MiniBatch));
    form->addRow(tr("Method"), m_method);

    m_batchSize = new QSpinBox(group);
    m_batchSize->setRange(1, kMaxBatchSize);
    m_batchSize->setGroupSeparatorShown(true);
    m_batchSize->setKeyboardTracking(false);
    m_batchSize->setToolTip(tr("Rows per update of mini-batch descent"));
    form->addRow(tr("Batch size"), m_batchSize);

    m_shuffle = new QCheckBox(tr("shuffle every epoch"), group);
    m_shuffle->setToolTip(tr("SGD and mini-batch: visit the rows in a new seeded random order every epoch "
                             "instead of the file order"));
    form->addRow(QString(), m_shuffle);

    m_seed = new QSpinBox(group);
    m_seed->setRange(0, INT_MAX);
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("Seeds the shuffling and the random start, so a run can be repeated exactly"));
    form->addRow(tr("Seed"), m_seed);

    m_loss = makeCombo(group);
    m_loss->addItem(tr("MSE — (1/n) Σ r²"), int(LossKind::Mse));
    m_loss->addItem(tr("half MSE — (1/2n) Σ r²"), int(LossKind::HalfMse));
    m_loss->addItem(tr("SSE (RSS) — Σ r²"), int(LossKind::Sse));
    m_loss->setToolTip(tr("r = Xθ − y, the residuals over n rows"));
    form->addRow(tr("Loss"), m_loss);

    m_tolerance = new QLineEdit(group);
    m_tolerance->setPlaceholderText(tr("off"));
    m_tolerance->setToolTip(tr("Stop as converged once |∇| falls to this value; empty or 0 runs every iteration"));
    form->addRow(tr("Tolerance"), m_tolerance);

    connect(m_iterations, qOverload<int>(&QSpinBox::valueChanged), this, [this](int iterations) {
        SolverSettings settings = m_controller->settings();
        settings.iterations = iterations;
        applySettings(settings);
    });
    connect(m_method, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        SolverSettings settings = m_controller->settings();
        settings.method = DescentMethod(m_method->itemData(index).toInt());
        applySettings(settings);
    });
    connect(m_batchSize, qOverload<int>(&QSpinBox::valueChanged), this, [this](int batchSize) {
        SolverSettings settings = m_controller->settings();
        settings.batchSize = batchSize;
        applySettings(settings);
    });
    connect(m_shuffle, &QCheckBox::toggled, this, [this](bool shuffle) {
        SolverSettings settings = m_controller->settings();
        settings.shuffle = shuffle;
        applySettings(settings);
    });
    connect(m_seed, qOverload<int>(&QSpinBox::valueChanged), this, [this](int seed) {
        SolverSettings settings = m_controller->settings();
        settings.seed = std::uint64_t(seed);
        applySettings(settings);
    });
    connect(m_loss, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        SolverSettings settings = m_controller->settings();
        settings.loss = LossKind(m_loss->itemData(index).toInt());
        applySettings(settings);
    });
    connect(m_tolerance, &QLineEdit::editingFinished, this, &ControlPanel::onToleranceEdited);
    return group;
}

QWidget* ControlPanel::createStartGroup()
{
    auto* group = new QGroupBox(tr("Start"));
    auto* layout = new QVBoxLayout(group);
    QFormLayout* form = makeForm(nullptr);
    m_init = makeCombo(group);
    m_init->addItem(tr("zeros"), int(InitKind::Zeros));
    m_init->addItem(tr("random (seeded)"), int(InitKind::Random));
    m_init->addItem(tr("values"), int(InitKind::Values));
    m_init->setToolTip(tr("Where the descent starts; a click on the error surface also sets it"));
    form->addRow(tr("Start at"), m_init);
    layout->addLayout(form);

    m_initValuesBox = new QWidget(group);
    m_initValuesForm = makeForm(m_initValuesBox);
    m_initValuesForm->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_initValuesBox);

    connect(m_init, qOverload<int>(&QComboBox::currentIndexChanged), this, &ControlPanel::onInitChosen);
    return group;
}

QWidget* ControlPanel::createFeaturesGroup()
{
    auto* group = new QGroupBox(tr("Features"));
    auto* layout = new QVBoxLayout(group);
    m_standardize = new QCheckBox(tr("standardize (z-scores)"), group);
    m_standardize->setToolTip(tr("Descend on z-scored features: the long valley becomes a round bowl. "
                                 "θ is also reported in the original units."));
    m_intercept = new QCheckBox(tr("intercept θ0"), group);
    m_intercept->setToolTip(tr("Fit y = θ0 + θ1·x1 + …; without it the line goes through the origin"));
    layout->addWidget(m_standardize);
    layout->addWidget(m_intercept);

    connect(m_standardize, &QCheckBox::toggled, this, [this](bool standardize) {
        ProblemSpec spec = m_controller->problemSpec();
        spec.standardize = standardize;
        applyProblemSpec(spec);
    });
    connect(m_intercept, &QCheckBox::toggled, this, [this](bool intercept) {
        ProblemSpec spec = m_controller->problemSpec();
        spec.intercept = intercept;
        applyProblemSpec(spec);
    });
    return group;
}

void ControlPanel::refreshAll()
{
    // The problem first: the start boxes must exist for the settings to fill them.
    refreshProblem();
    refreshLesson();
    refreshSettings();
}

void ControlPanel::refreshLesson()
{
    const QSignalBlocker blocker(m_lessonCombo);
    const QString name = m_controller->lessonName();
    // The "custom data" entry exists only while the user's own data is loaded; its data is an empty name.
    const int customIndex = m_lessonCombo->findData(QString());
    if (name.isEmpty()) {
        const QString text
            = m_controller->title().isEmpty() ? tr("Custom data") : tr("Custom data: %1").arg(m_controller->title());
        if (customIndex < 0)
            m_lessonCombo->insertItem(0, text, QString());
        else
            m_lessonCombo->setItemText(customIndex, text);
        m_lessonCombo->setCurrentIndex(m_lessonCombo->findData(QString()));
        const Dataset& dataset = m_controller->dataset();
        m_lessonDescription->setText(dataset.isEmpty()
                ? tr("Nothing loaded: choose a lesson or open a CSV file (Ctrl+O).")
                : tr("Your data: %1 rows, %2 numeric columns.").arg(dataset.rowCount()).arg(dataset.columnCount()));
    } else {
        if (customIndex >= 0)
            m_lessonCombo->removeItem(customIndex);
        selectData(m_lessonCombo, name);
        const Lesson* lesson = findLesson(name.toStdString());
        m_lessonDescription->setText(lesson ? QString::fromStdString(lesson->description) : QString());
    }
    widenPopup(m_lessonCombo);
}

void ControlPanel::refreshSettings()
{
    const SolverSettings& settings = m_controller->settings();
    const QSignalBlocker blockIterations(m_iterations);
    const QSignalBlocker blockMethod(m_method);
    const QSignalBlocker blockBatch(m_batchSize);
    const QSignalBlocker blockShuffle(m_shuffle);
    const QSignalBlocker blockSeed(m_seed);
    const QSignalBlocker blockLoss(m_loss);
    const QSignalBlocker blockTolerance(m_tolerance);
    const QSignalBlocker blockInit(m_init);

    // The loss scales the Hessian, so the bounds change with the settings too, not only with the problem.
    m_learningRate->setBounds(m_controller->stability());
    m_learningRate->setLearningRate(settings.learningRate);
    m_learningRate->setMethodIsBatch(settings.method == DescentMethod::Batch);
    m_iterations->setValue(int(std::clamp<long long>(settings.iterations, 1, kMaxIterations)));
    selectData(m_method, int(settings.method));
    m_batchSize->setValue(int(std::clamp<long long>(settings.batchSize, 1, kMaxBatchSize)));
    m_shuffle->setChecked(settings.shuffle);
    m_seed->setValue(int(std::min<std::uint64_t>(settings.seed, INT_MAX)));
    selectData(m_loss, int(settings.loss));
    m_tolerance->setText(settings.tolerance > 0 ? QString::number(settings.tolerance, 'g', 6) : QString());
    selectData(m_init, int(settings.init));

    if (settings.init == InitKind::Values && int(settings.initValues.size()) == m_initValues.size()) {
        for (int i = 0; i < m_initValues.size(); ++i) {
            const QSignalBlocker blockValue(m_initValues[i]);
            m_initValues[i]->setValue(settings.initValues[std::size_t(i)]);
        }
    }
    updateEnabledStates();
}

void ControlPanel::refreshProblem()
{
    const QSignalBlocker blockStandardize(m_standardize);
    const QSignalBlocker blockIntercept(m_intercept);
    const ProblemSpec& spec = m_controller->problemSpec();
    m_standardize->setChecked(spec.standardize);
    m_intercept->setChecked(spec.intercept);
    rebuildInitValueSpins();
}

void ControlPanel::rebuildInitValueSpins()
{
    QStringList symbols;
    QStringList names;
    bool standardized = false;
    if (const auto& problem = m_controller->problem()) {
        for (const std::string& symbol : problem->parameterSymbols())
            symbols << QString::fromStdString(symbol);
        for (const std::string& name : problem->parameterNames())
            names << QString::fromStdString(name);
        standardized = problem->isStandardized();
    }
    while (m_initValuesForm->rowCount() > 0)
        m_initValuesForm->removeRow(0);
    m_initValues.clear();

    for (int i = 0; i < symbols.size(); ++i) {
        auto* spin = new QDoubleSpinBox(m_initValuesBox);
        spin->setRange(-kStartValueLimit, kStartValueLimit);
        spin->setDecimals(4);
        spin->setSingleStep(0.1);
        spin->setKeyboardTracking(false);
        spin->setAccessibleName(tr("Start value of %1").arg(symbols[i]));
        QString tip = i < names.size() ? tr("Start value of %1 (%2)").arg(symbols[i], names[i]) : QString();
        if (standardized)
            tip += tr(", in standardized units");
        spin->setToolTip(tip);
        m_initValuesForm->addRow(symbols[i], spin);
        m_initValues << spin;
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] {
            SolverSettings settings = m_controller->settings();
            settings.init = InitKind::Values;
            settings.initValues.clear();
            for (const QDoubleSpinBox* box : std::as_const(m_initValues))
                settings.initValues.push_back(box->value());
            applySettings(settings);
        });
    }
}

void ControlPanel::updateEnabledStates()
{
    const SolverSettings& settings = m_controller->settings();
    const bool stochastic = settings.method != DescentMethod::Batch;
    m_batchSize->setEnabled(settings.method == DescentMethod::MiniBatch);
    m_shuffle->setEnabled(stochastic);
    // The seed drives the shuffling and the random start, so it matters for either.
    m_seed->setEnabled((stochastic && settings.shuffle) || settings.init == InitKind::Random);

    m_initValuesBox->setVisible(settings.init == InitKind::Values);
}

void ControlPanel::applySettings(const SolverSettings& settings)
{
    if (!m_controller->setSettings(settings).isEmpty())
        refreshSettings();
}

void ControlPanel::applyProblemSpec(const ProblemSpec& spec)
{
    if (!m_controller->setProblemSpec(spec).isEmpty())
        refreshProblem();
}

void ControlPanel::onLessonChosen(int index)
{
    const QString name = m_lessonCombo->itemData(index).toString();
    if (name.isEmpty() || name == m_controller->lessonName() || !m_controller->loadLesson(name).isEmpty())
        refreshLesson();
}

void ControlPanel::onInitChosen(int index)
{
    SolverSettings settings = m_controller->settings();
    settings.init = InitKind(m_init->itemData(index).toInt());
    if (settings.init == InitKind::Values) {
        // Keep starting where the descent starts now, so choosing "values" changes nothing until one is edited.
        settings.initValues.assign(std::size_t(m_initValues.size()), 0.0);
        const IterationModel* model = m_controller->model();
        if (!model->isEmpty() && model->theta(0).size() == m_initValues.size())
            for (int i = 0; i < m_initValues.size(); ++i)
                settings.initValues[std::size_t(i)] = model->theta(0)[i];
    }
    applySettings(settings);
}

void ControlPanel::onToleranceEdited()
{
    const QString text = m_tolerance->text().trimmed();
    bool ok = true;
    double tolerance = 0;
    if (!text.isEmpty()) {
        tolerance = locale().toDouble(text, &ok);
        if (!ok)
            tolerance = text.toDouble(&ok);
    }
    if (!ok || !std::isfinite(tolerance) || tolerance < 0) {
        refreshSettings();
        return;
    }
    if (tolerance == m_controller->settings().tolerance)
        return;
    SolverSettings settings = m_controller->settings();
    settings.tolerance = tolerance;
    applySettings(settings);
}

} // namespace gdlab
