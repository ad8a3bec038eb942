#include "panels/learning_rate_control.h"

#include "number_format.h"
#include "panels/learning_rate_scale.h"
#include "session/core_text.h"
#include "session/iteration_model.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace gdlab {

namespace {

QString formatRate(double rate)
{
    return QString::fromStdString(formatSignificant(rate, SignificantDigits::status));
}

/** Bounds in the notes: three digits are what a reader compares, e.g. "0.0845". */
QString formatBound(double bound)
{
    return QString::fromStdString(formatSignificant(bound, SignificantDigits::magnitude));
}

bool sameBounds(const OptimizerBounds& a, const OptimizerBounds& b)
{
    return a.hasBound == b.hasBound && a.divergenceBound == b.divergenceBound && a.optimalRate == b.optimalRate
        && a.optimalMomentum == b.optimalMomentum;
}

} // namespace

LearningRateControl::LearningRateControl(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_scale(new LearningRateScale(this))
    , m_edit(new QLineEdit(this))
    , m_fastestButton(new QToolButton(this))
    , m_note(new QLabel(this))
    , m_throttle(new QTimer(this))
{
    m_edit->setToolTip(tr("The learning rate η of the update θ ← θ − η·∇L. Type a value and press Enter."));
    m_edit->setAccessibleName(tr("Learning rate"));
    m_fastestButton->setText(tr("fastest"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    // Zero: the latest position is sent once the event loop has taken every move already queued, so a drag
    // recomputes as fast as runs and redraws allow and never lags behind the hand with stale values.
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(0);

    auto* entryRow = new QHBoxLayout;
    entryRow->setContentsMargins(0, 0, 0, 0);
    entryRow->addWidget(m_edit, 1);
    entryRow->addWidget(m_fastestButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(entryRow);
    layout->addWidget(m_scale);
    layout->addWidget(m_note);

    connect(m_scale, &LearningRateScale::rateMoved, this, &LearningRateControl::onRateMoved);
    connect(m_scale->slider(), &QSlider::sliderReleased, this, &LearningRateControl::emitPending);
    connect(m_throttle, &QTimer::timeout, this, &LearningRateControl::emitPending);
    connect(m_edit, &QLineEdit::editingFinished, this, &LearningRateControl::onEditingFinished);
    connect(m_fastestButton, &QToolButton::clicked, this, &LearningRateControl::onFastestClicked);
    connect(m_model, &IterationModel::runReset, this, &LearningRateControl::refresh);

    showBounds({}, OptimizerKind::Gd);
    m_scale->setRate(m_rate);
    updateEditText();
    refresh();
}

QSlider* LearningRateControl::slider() const
{
    return m_scale->slider();
}

void LearningRateControl::refresh()
{
    ++m_refreshCount;
    const Run* run = m_model->run();
    const OptimizerKind optimizer = run ? run->settings.optimizer.kind : OptimizerKind::Gd;
    const OptimizerBounds bounds = run ? optimizerBounds(run->stability, run->settings.optimizer) : OptimizerBounds {};
    // The loss scales the Hessian, so the bounds change with the settings too, not only with the problem.
    if (!sameBounds(bounds, m_bounds) || optimizer != m_optimizer)
        showBounds(bounds, optimizer);
    const double rate = run ? run->settings.learningRate : SolverSettings().learningRate;
    if (rate != m_rate && !isBeingEdited())
        showRate(rate);
    m_methodIsBatch = !run || run->settings.method == DescentMethod::Batch;
    updateNote();
}

void LearningRateControl::showBounds(const OptimizerBounds& bounds, OptimizerKind optimizer)
{
    m_bounds = bounds;
    m_optimizer = optimizer;
    const bool hasOptimal = LearningRateScale::isUsableRate(bounds.optimalRate);
    m_fastestButton->setEnabled(hasOptimal);
    QString tip;
    if (!hasOptimal)
        tip = m_model->run() ? tr("No fastest fixed rate is known for %1").arg(CoreText::optimizer(optimizer))
                             : tr("No fastest rate: nothing is loaded");
    else if (optimizer == OptimizerKind::Momentum)
        tip = tr("Use heavy ball's optimum: lr = 4/(√λmax+√λmin)² = %1 with μ = ((√κ−1)/(√κ+1))² = %2")
                  .arg(formatRate(bounds.optimalRate), formatRate(bounds.optimalMomentum));
    else if (optimizer == OptimizerKind::Newton)
        tip = tr("Use lr 1: Newton's step lands on the optimum of a quadratic loss");
    else
        tip = tr("Use the fastest fixed rate of batch descent, 2/(λmin+λmax) = %1").arg(formatRate(bounds.optimalRate));
    m_fastestButton->setToolTip(tip);
    m_scale->setMarks(bounds.optimalRate, bounds.hasBound ? bounds.divergenceBound : 0.0);
}

void LearningRateControl::onFastestClicked()
{
    if (!LearningRateScale::isUsableRate(m_bounds.optimalRate))
        return;
    if (m_optimizer != OptimizerKind::Momentum) {
        userChoseRate(m_bounds.optimalRate);
        return;
    }
    m_throttle->stop();
    m_pendingEmit = false;
    m_rate = m_bounds.optimalRate;
    m_scale->setRate(m_rate);
    updateEditText();
    updateNote();
    emit momentumOptimumChosen(m_bounds.optimalRate, m_bounds.optimalMomentum);
}

QString LearningRateControl::descentName() const
{
    return m_optimizer == OptimizerKind::Gd ? tr("batch descent") : CoreText::optimizer(m_optimizer);
}

void LearningRateControl::showRate(double rate)
{
    ++m_rateSetCount;
    m_throttle->stop();
    m_pendingEmit = false;
    m_rate = rate;
    m_scale->setRate(rate);
    updateEditText();
}

bool LearningRateControl::isBeingEdited() const
{
    return m_scale->slider()->isSliderDown() || (m_edit->hasFocus() && m_edit->isModified());
}

LearningRateControl::Zone LearningRateControl::zone() const
{
    if (isAdaptive(m_optimizer) && m_model->run())
        return Zone::NoFixedBound;
    if (!m_bounds.hasBound || !LearningRateScale::isUsableRate(m_bounds.divergenceBound)
        || !LearningRateScale::isUsableRate(m_rate))
        return Zone::Unknown;
    // A relative tolerance, so that a lesson set exactly to the fastest rate (or the bound) counts as that rate.
    constexpr double slack = 1 + 1e-12;
    if (m_rate > m_bounds.divergenceBound * slack)
        return Zone::Diverging;
    if (LearningRateScale::isUsableRate(m_bounds.optimalRate) && m_rate > m_bounds.optimalRate * slack)
        return Zone::Oscillating;
    return Zone::Stable;
}

QString LearningRateControl::noteText() const
{
    const QString bound = formatBound(m_bounds.divergenceBound);
    const QString fastest = formatBound(m_bounds.optimalRate);
    const QString batchOnly = tr("The bound is for batch descent; SGD is noisier.");
    switch (zone()) {
    case Zone::Unknown:
        return {};
    case Zone::NoFixedBound:
        return tr("%1 has no fixed stability bound: its steps adapt per coordinate to the gradients seen.")
            .arg(CoreText::optimizer(m_optimizer));
    case Zone::Diverging:
        return m_methodIsBatch ? tr("Above the stability bound %1: %2 will diverge.").arg(bound, descentName())
                               : tr("Above the stability bound %1. %2").arg(bound, batchOnly);
    case Zone::Oscillating:
        return m_methodIsBatch ? tr("Above the fastest rate %1 (bound %2): the descent oscillates.").arg(fastest, bound)
                               : tr("Above the fastest rate %1 (bound %2). %3").arg(fastest, bound, batchOnly);
    case Zone::Stable:
        if (!LearningRateScale::isUsableRate(m_bounds.optimalRate))
            return tr("Stable: below %1's bound %2.").arg(descentName(), bound);
        return m_methodIsBatch ? tr("Stable: the fastest rate is %1, the bound %2.").arg(fastest, bound)
                               : tr("Fastest rate %1, bound %2. %3").arg(fastest, bound, batchOnly);
    }
    return {};
}

void LearningRateControl::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateNote();
}

void LearningRateControl::onRateMoved(double rate)
{
    m_rate = rate;
    updateEditText();
    updateNote();
    if (m_scale->slider()->isSliderDown()) {
        // While dragging, every turn of the event loop sends the latest position; the release sends the last.
        m_pendingEmit = true;
        if (!m_throttle->isActive())
            m_throttle->start();
    } else {
        m_throttle->stop();
        m_pendingEmit = false;
        emit learningRateEdited(m_rate);
    }
}

void LearningRateControl::onEditingFinished()
{
    bool ok = false;
    const QString text = m_edit->text().trimmed();
    double rate = locale().toDouble(text, &ok);
    if (!ok)
        rate = text.toDouble(&ok); // "0.01" also where the locale writes "0,01"
    // What was typed is dealt with: a refused rate may be written over it again.
    m_edit->setModified(false);
    if (!ok || !LearningRateScale::isUsableRate(rate)) {
        updateEditText();
        return;
    }
    if (rate != m_rate)
        userChoseRate(rate);
}

void LearningRateControl::emitPending()
{
    m_throttle->stop();
    if (!m_pendingEmit)
        return;
    m_pendingEmit = false;
    emit learningRateEdited(m_rate);
}

void LearningRateControl::userChoseRate(double rate)
{
    m_throttle->stop();
    m_pendingEmit = false;
    m_rate = rate;
    m_scale->setRate(rate);
    updateEditText();
    updateNote();
    emit learningRateEdited(m_rate);
}

void LearningRateControl::updateEditText()
{
    const QString text = LearningRateScale::isUsableRate(m_rate) ? formatRate(m_rate) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
}

void LearningRateControl::updateNote()
{
    m_note->setText(noteText());
    QPalette palette = this->palette();
    QFont font = this->font();
    switch (zone()) {
    case Zone::Diverging:
        palette.setColor(QPalette::WindowText, ViewPalette::warning());
        font.setBold(true);
        break;
    case Zone::Oscillating:
        palette.setColor(QPalette::WindowText, ViewPalette::caution());
        break;
    case Zone::Stable:
    case Zone::Unknown:
    case Zone::NoFixedBound:
        palette.setColor(QPalette::WindowText, LearningRateScale::mutedText(palette));
        break;
    }
    m_note->setPalette(palette);
    m_note->setFont(font);
    m_note->setVisible(zone() != Zone::Unknown);
}

} // namespace gdlab
