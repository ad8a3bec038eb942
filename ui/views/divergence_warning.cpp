#include "views/divergence_warning.h"
#include "session/core_text.h"

#include "optimizer_bounds.h"
#include "run.h"
#include "session/iteration_model.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

namespace {

/** Room the text keeps from the plot's edges, and the narrowest it is ever wrapped to. */
constexpr int sideRoom = 24;
constexpr int narrowest = 120;

} // namespace

DivergenceWarning::DivergenceWarning(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_element(new QCPTextElement(plot))
{
    // Outside the layout until a run diverges; the plot (its QObject parent) owns it either way.
    m_element->setVisible(false);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &DivergenceWarning::wrap);
}

bool DivergenceWarning::isDiverged(const IterationModel& model)
{
    const Run* run = model.run();
    return run && run->outcome && run->outcome->reason == StopReason::Diverged && !model.isEmpty();
}

QString DivergenceWarning::message() const
{
    return m_head.isEmpty() ? QString() : m_head + QLatin1String(": ") + m_reason;
}

bool DivergenceWarning::update(const IterationModel& model)
{
    const bool diverged = isDiverged(model);
    m_head.clear();
    m_reason.clear();
    if (diverged) {
        const long long updates = model.iteration(model.lastRow());
        m_head = updates == 1 ? tr("Diverged after 1 update") : tr("Diverged after %1 updates").arg(updates);
        m_reason = reason(model);
    }
    const bool changed = diverged != m_element->visible();
    show(diverged);
    wrap();
    return changed;
}

QString DivergenceWarning::reason(const IterationModel& model) const
{
    const SolverSettings& settings = model.run()->settings;
    // The chosen optimizer's bound, as the learning-rate control shows it (momentum's is 2(1+μ)/λmax, not gd's).
    const OptimizerBounds bounds = optimizerBounds(model.run()->stability, settings.optimizer);
    const double bound = bounds.hasBound ? bounds.divergenceBound : 0.0;
    const OptimizerKind kind = settings.optimizer.kind;
    const QString rate = QString::number(settings.learningRate, 'g', 3);
    const QString shownBound = QString::number(bound, 'g', 3);
    if (bound > 0 && settings.method == DescentMethod::Batch && settings.learningRate > bound)
        return kind == OptimizerKind::Gd
            ? tr("learning rate %1 is above the stability bound %2").arg(rate, shownBound)
            : tr("learning rate %1 is above %2's stability bound %3").arg(rate, CoreText::optimizer(kind), shownBound);
    if (bound > 0)
        // The bound is batch descent's; a sample's or a batch's gradient can diverge below it.
        return tr("learning rate %1 is too large for %2 descent (batch bound %3)")
            .arg(rate, CoreText::method(settings.method), shownBound);
    if (isAdaptive(kind))
        return tr("learning rate %1 is too large for %2, which has no fixed bound")
            .arg(rate, CoreText::optimizer(kind));
    return tr("learning rate %1 is too large").arg(rate);
}

void DivergenceWarning::show(bool show)
{
    QCPLayoutGrid* layout = m_plot->plotLayout();
    const bool inLayout = m_element->layout() != nullptr;
    if (show && !inLayout) {
        layout->insertRow(0);
        layout->addElement(0, 0, m_element);
    } else if (!show && inLayout) {
        layout->take(m_element);
        layout->simplify();
    }
    // A taken element is still a layerable: hidden, or it would be drawn at its old place.
    m_element->setVisible(show);
}

void DivergenceWarning::wrap()
{
    if (m_head.isEmpty()) {
        m_element->setText(QString());
        return;
    }
    const QFontMetrics metrics(m_element->font());
    const int available = std::max(m_plot->width() - sideRoom, narrowest);
    QString text = m_head + QLatin1Char(':');
    QString line;
    for (const QString& word : m_reason.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > available) {
            text += QLatin1Char('\n') + line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        text += QLatin1Char('\n') + line;
    m_element->setText(text);
}

void DivergenceWarning::applyStyle(const PlotStyle& style)
{
    QFont font = style.font(1.05);
    font.setBold(true);
    m_element->setFont(font);
    m_element->setTextColor(ViewPalette::warning());
    m_element->setMargins(QMargins(8, 6, 8, 2));
}

} // namespace gdlab
