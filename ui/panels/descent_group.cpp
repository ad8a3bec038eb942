#include "panels/descent_group.h"

#include "number_format.h"
#include "panels/form_widgets.h"
#include "panels/shown_value.h"
#include "update_sample.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QStandardItemModel>

#include <algorithm>
#include <climits>
#include <cmath>

namespace gdlab {

namespace {

constexpr int kMaxIterations = 1'000'000;
constexpr int kMaxBatchSize = 1'000'000;
/** The loss combo's entry for the logistic model's log loss, which is not a LossKind. */
constexpr int kLogLossEntry = -1;

/** The loss combo's entry for settings: their quadratic loss, or the log loss of the logistic model. */
int lossEntry(const SolverSettings& settings)
{
    return settings.model == ModelKind::Logistic ? kLogLossEntry : int(settings.loss);
}

void setEntryEnabled(QComboBox* combo, const QVariant& data, bool enabled)
{
    if (auto* items = qobject_cast<QStandardItemModel*>(combo->model()))
        if (QStandardItem* item = items->item(combo->findData(data)))
            item->setEnabled(enabled);
}

QString toleranceText(double tolerance)
{
    return tolerance > 0 ? QString::fromStdString(formatSignificant(tolerance, SignificantDigits::status)) : QString();
}

} // namespace

DescentGroup::DescentGroup(QWidget* parent)
    : QGroupBox(tr("Descent"), parent)
{
    createWidgets();
    connectEdits();
    showSettings(m_settings);
}

void DescentGroup::createWidgets()
{
    QFormLayout* form = makeForm(this);
    m_model = makeCombo(this);
    m_model->addItem(tr("linear — ŷ = xᵀθ"), int(ModelKind::Linear));
    m_model->addItem(tr("logistic — p = σ(xᵀθ)"), int(ModelKind::Logistic));
    form->addRow(tr("Model"), m_model);

    m_iterations = new QSpinBox(this);
    m_iterations->setRange(1, kMaxIterations);
    m_iterations->setGroupSeparatorShown(true);
    // Typing "5000" must not recompute 5, 50 and 500 iterations on the way.
    m_iterations->setKeyboardTracking(false);
    m_iterations->setToolTip(tr("The most updates to make (for SGD, one update per sample)"));
    form->addRow(tr("Iterations"), m_iterations);

    m_method = makeCombo(this);
    m_method->addItem(tr("batch"), int(DescentMethod::Batch));
    m_method->addItem(tr("SGD (one sample)"), int(DescentMethod::Sgd));
    m_method->addItem(tr("mini-batch"), int(DescentMethod::MiniBatch));
    form->addRow(tr("Method"), m_method);

    m_batchSize = new QSpinBox(this);
    m_batchSize->setRange(1, kMaxBatchSize);
    m_batchSize->setGroupSeparatorShown(true);
    m_batchSize->setKeyboardTracking(false);
    m_batchSize->setToolTip(tr("Rows per update of mini-batch descent"));
    form->addRow(tr("Batch size"), m_batchSize);
    m_batchNote = new QLabel(this);
    m_batchNote->setWordWrap(true);
    m_batchNote->setForegroundRole(QPalette::PlaceholderText);
    m_batchNote->setVisible(false);
    form->addRow(QString(), m_batchNote);

    m_shuffle = new QCheckBox(tr("shuffle every epoch"), this);
    m_shuffle->setToolTip(tr("SGD and mini-batch: visit the rows in a new seeded random order every epoch "
                             "instead of the file order"));
    form->addRow(QString(), m_shuffle);

    m_seed = new QSpinBox(this);
    m_seed->setRange(0, INT_MAX);
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("Seeds the shuffling and the random start, so a run can be repeated exactly"));
    form->addRow(tr("Seed"), m_seed);

    m_loss = makeCombo(this);
    m_loss->addItem(tr("MSE — (1/n) Σ r²"), int(LossKind::Mse));
    m_loss->addItem(tr("half MSE — (1/2n) Σ r²"), int(LossKind::HalfMse));
    m_loss->addItem(tr("SSE (RSS) — Σ r²"), int(LossKind::Sse));
    m_loss->addItem(tr("log loss — mean cross-entropy"), kLogLossEntry);
    form->addRow(tr("Loss"), m_loss);

    m_tolerance = new QLineEdit(this);
    m_tolerance->setPlaceholderText(tr("off"));
    m_tolerance->setToolTip(tr("Stop as converged once |∇| falls to this value; empty or 0 runs every iteration"));
    form->addRow(tr("Tolerance"), m_tolerance);
}

void DescentGroup::connectEdits()
{
    connect(m_iterations, qOverload<int>(&QSpinBox::valueChanged), this, [this](int iterations) {
        SolverSettings settings = m_settings;
        settings.iterations = iterations;
        send(settings);
    });
    connect(m_method, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        SolverSettings settings = m_settings;
        settings.method = DescentMethod(m_method->itemData(index).toInt());
        // A batch as large as the data would silently be batch descent: mini-batch starts below it.
        if (settings.method == DescentMethod::MiniBatch && m_rows > 1 && settings.batchSize >= m_rows) {
            settings.batchSize = defaultBatchSize(m_rows);
            showValue(m_batchSize, int(settings.batchSize));
        }
        send(settings);
    });
    connect(m_batchSize, qOverload<int>(&QSpinBox::valueChanged), this, [this](int batchSize) {
        SolverSettings settings = m_settings;
        settings.batchSize = batchSize;
        send(settings);
    });
    connect(m_shuffle, &QCheckBox::toggled, this, [this](bool shuffle) {
        SolverSettings settings = m_settings;
        settings.shuffle = shuffle;
        send(settings);
    });
    connect(m_seed, qOverload<int>(&QSpinBox::valueChanged), this, [this](int seed) {
        SolverSettings settings = m_settings;
        settings.seed = std::uint64_t(seed);
        send(settings);
    });
    connect(m_loss, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        const int loss = m_loss->itemData(index).toInt();
        if (loss == kLogLossEntry)
            return; // shown for the logistic model, never chosen
        SolverSettings settings = m_settings;
        settings.loss = LossKind(loss);
        send(settings);
    });
    connect(m_model, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        SolverSettings settings = m_settings;
        settings.model = ModelKind(m_model->itemData(index).toInt());
        showData(m_loss, lossEntry(settings));
        send(settings);
    });
    connect(m_tolerance, &QLineEdit::editingFinished, this, &DescentGroup::onToleranceEdited);
}

void DescentGroup::showSettings(const SolverSettings& settings)
{
    m_settings = settings;
    showValue(m_iterations, int(std::clamp<long long>(settings.iterations, 1, kMaxIterations)));
    showData(m_method, int(settings.method));
    showValue(m_batchSize, int(std::clamp<long long>(settings.batchSize, 1, kMaxBatchSize)));
    showChecked(m_shuffle, settings.shuffle);
    showValue(m_seed, int(std::min<std::uint64_t>(settings.seed, INT_MAX)));
    showData(m_model, int(settings.model));
    showData(m_loss, lossEntry(settings));
    // "1e-6" as typed stays as it is: only another value is written over it.
    double shown = 0;
    if (!readTolerance(&shown) || shown != settings.tolerance)
        showText(m_tolerance, toleranceText(settings.tolerance));
    updateEnabledStates();
}

void DescentGroup::showRowCount(long long rows)
{
    m_rows = rows;
    updateEnabledStates();
}

void DescentGroup::showBinaryTarget(bool binary)
{
    m_binaryTarget = binary;
    updateEnabledStates();
}

void DescentGroup::send(const SolverSettings& settings)
{
    m_settings = settings;
    updateEnabledStates();
    emit settingsEdited(settings);
}

bool DescentGroup::readTolerance(double* tolerance) const
{
    const QString text = m_tolerance->text().trimmed();
    bool ok = true;
    *tolerance = 0;
    if (!text.isEmpty()) {
        *tolerance = locale().toDouble(text, &ok);
        if (!ok)
            *tolerance = text.toDouble(&ok);
    }
    return ok && std::isfinite(*tolerance) && *tolerance >= 0;
}

void DescentGroup::onToleranceEdited()
{
    double tolerance = 0;
    if (!readTolerance(&tolerance)) {
        showText(m_tolerance, toleranceText(m_settings.tolerance));
        return;
    }
    if (tolerance == m_settings.tolerance)
        return;
    SolverSettings settings = m_settings;
    settings.tolerance = tolerance;
    send(settings);
}

void DescentGroup::updateEnabledStates()
{
    const bool stochastic = m_settings.method != DescentMethod::Batch;
    m_batchSize->setEnabled(m_settings.method == DescentMethod::MiniBatch);
    const bool wholeData
        = m_settings.method == DescentMethod::MiniBatch && m_rows > 0 && m_settings.batchSize >= m_rows;
    m_batchNote->setText(
        tr("%1 rows or more is the whole data: every update uses all of them, as batch descent does").arg(m_rows));
    m_batchNote->setVisible(wholeData);
    m_shuffle->setEnabled(stochastic);
    // The seed drives the shuffling and the random start, so it matters for either.
    m_seed->setEnabled((stochastic && m_settings.shuffle) || m_settings.init == InitKind::Random);

    const bool logistic = m_settings.model == ModelKind::Logistic;
    setEntryEnabled(m_model, int(ModelKind::Logistic), m_binaryTarget || logistic);
    m_model->setToolTip(m_binaryTarget || logistic
            ? tr("Linear regression fits a line to the target; logistic regression fits the probability that the "
                 "target is 1")
            : tr("Logistic regression needs a target of 0s and 1s; this target holds other values"));
    // The log loss is the logistic model's only loss: the quadratic ones return with the linear model.
    m_loss->setEnabled(!logistic);
    setEntryEnabled(m_loss, kLogLossEntry, logistic);
    m_loss->setToolTip(logistic ? tr("L = (1/n) Σ [log(1 + eᶻ) − y·z], z = xᵀθ: the mean cross-entropy")
                                : tr("r = Xθ − y, the residuals over n rows"));
}

} // namespace gdlab
