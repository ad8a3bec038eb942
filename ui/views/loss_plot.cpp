#include "views/loss_plot.h"
#include "session/core_text.h"

#include "loss.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/accuracy_curve.h"
#include "views/divergence_warning.h"
#include "views/least_squares_floor.h"
#include "views/legend_row.h"
#include "views/loss_curve.h"
#include "views/loss_marker.h"
#include "views/pinned_loss_curves.h"
#include "views/pinned_loss_markers.h"
#include "views/plot_style.h"
#include "views/tick_density.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

/**
 * The lowest loss the log axis reaches, relative to the highest: below ~1e-16 of the start the digits are
 * rounding noise, and showing 300 empty decades for a loss that reached exactly zero helps nobody.
 */
constexpr double logDynamicRange = 1e-16;
/** Room on the x axis on either side of the iterations shown, as a fraction of them. */
constexpr double xMargin = 0.02;

} // namespace

LossPlot::LossPlot(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_plot(new QCustomPlot(this))
    , m_pinnedCurves(new PinnedLossCurves(m_plot, this))
    , m_curve(new LossCurve(m_plot, this))
    , m_accuracy(new AccuracyCurve(m_plot, this))
    , m_floor(new LeastSquaresFloor(m_plot, this))
    , m_marker(new LossMarker(m_plot, this))
    , m_warning(new DivergenceWarning(m_plot, this))
    , m_legendRow(new LegendRow(m_plot, this))
    , m_pinnedMarkers(new PinnedLossMarkers(m_plot, this))
{
    new TickDensity(m_plot);
    // Curves are drawn a segment at a time: a zig-zagging loss (momentum in a ravine) stroked as one antialiased
    // path cost Qt's raster engine 11-15 ms a replot, segments 2-4 ms, with the same look.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    // "k = …, loss = …" must not cover "least squares: …" where the curve reaches its floor.
    m_marker->avoid(m_floor->label());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(minimumSizeHint());
    m_plot->xAxis->setLabel(tr("iteration"));
    // The legend (pinned runs only) sits top right, clear of where every curve starts.
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setIconSize(22, 10);

    connect(m_model, &IterationModel::runReset, this, &LossPlot::refresh);
    connect(m_model, &IterationModel::rowsAppended, this, &LossPlot::onRowsAppended);
    connect(m_model, &IterationModel::runFinished, this, &LossPlot::onRunFinished);
    connect(m_model, &IterationModel::currentRowChanged, this, &LossPlot::onCurrentRowChanged);

    applyStyle();
    refresh();
}

LossPlot::~LossPlot() = default;

QSize LossPlot::minimumSizeHint() const
{
    return QSize(220, 150);
}

QSize LossPlot::sizeHint() const
{
    return QSize(480, 300);
}

QCPGraph* LossPlot::lossGraph() const
{
    return m_curve->graph();
}

const std::vector<QCPGraph*>& LossPlot::pinnedGraphs() const
{
    return m_pinnedCurves->graphs();
}

const std::vector<QCPGraph*>& LossPlot::pinnedMarkers() const
{
    return m_pinnedMarkers->markers();
}

QCPItemStraightLine* LossPlot::marker() const
{
    return m_marker->line();
}

QCPItemTracer* LossPlot::tracer() const
{
    return m_marker->tracer();
}

QCPItemText* LossPlot::markerLabel() const
{
    return m_marker->label();
}

QCPItemStraightLine* LossPlot::minimumLine() const
{
    return m_floor->line();
}

QCPTextElement* LossPlot::warningText() const
{
    return m_warning->element();
}

QCPGraph* LossPlot::accuracyGraph() const
{
    return m_accuracy->graph();
}

QString LossPlot::warningMessage() const
{
    return m_warning->message();
}

double LossPlot::markerIteration() const
{
    return m_marker->iteration();
}

double LossPlot::plottedLoss(double value) const
{
    return LossCurve::plotted(value, m_logarithmic);
}

void LossPlot::setLogarithmic(bool on)
{
    if (on == m_logarithmic)
        return;
    m_logarithmic = on;
    // The floor applies on a log axis only, so every plotted value changes with the scale.
    onPinnedChanged();
    refresh();
    emit logarithmicChanged(on);
}

void LossPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    m_legendRow->setOutside(on); // larger, the pinned runs' legend would cover the curves
    applyStyle();
    updateMarker(); // the label keeps a scaled distance from the dot
}

void LossPlot::setPinnedRuns(const PinnedRuns* runs)
{
    followPinnedRuns(m_pinned, runs, this, &LossPlot::onPinnedChanged, &LossPlot::onPinnedLabelsChanged);
}

void LossPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void LossPlot::refresh()
{
    ++m_refreshCount;
    m_curve->rebuild(*m_model, m_logarithmic);
    m_accuracy->rebuild(*m_model);
    updateLegend();
    updateLabels();
    m_floor->update(*m_model, m_logarithmic);
    m_warning->update(*m_model);
    m_pinnedMarkers->liveChanged(*m_model);
    updateRanges();
    updateMarker();
}

void LossPlot::onRowsAppended(int first, int last)
{
    m_curve->append(*m_model, first, last, m_logarithmic);
    m_accuracy->rebuild(*m_model);
    // The floor is hidden when it is rounding noise next to the first loss, which the first rows bring.
    m_floor->update(*m_model, m_logarithmic);
    updateRanges();
    updateMarker();
}

void LossPlot::onRunFinished()
{
    // The outcome is known now: a diverged run shows why, and the x axis closes in on the updates it made; the
    // legend says where the whole run reached the tolerance.
    m_pinnedMarkers->liveChanged(*m_model);
    if (m_warning->update(*m_model))
        updateRanges();
    updateMarker();
}

void LossPlot::onCurrentRowChanged()
{
    updateMarker();
}

void LossPlot::onPinnedChanged()
{
    m_pinnedCurves->setRuns(m_pinned);
    m_pinnedCurves->rebuild(m_logarithmic);
    m_pinnedCurves->updateLabels(m_curve->graph());
    m_pinnedCurves->applyStyle(PlotStyle(*this, m_presentation));
    updateLegend();
    m_pinnedMarkers->setRuns(m_pinned);
    m_pinnedMarkers->rebuild();
    m_pinnedMarkers->liveChanged(*m_model);
    m_pinnedMarkers->applyStyle(PlotStyle(*this, m_presentation));
    updateRanges();
    updateMarker();
}

void LossPlot::onPinnedLabelsChanged()
{
    m_pinnedCurves->updateLabels(m_curve->graph());
    updateMarker();
}

void LossPlot::updateRanges()
{
    updateXRange();
    updateYRange();
    replot();
}

void LossPlot::updateXRange()
{
    // The iterations asked for, so the axis stays put while a worker appends and a diverged curve visibly
    // stops short.
    const Run* run = m_model->run();
    double planned = run ? static_cast<double>(run->settings.iterations) : 0.0;
    planned = std::max(planned, m_curve->extent().lastIteration);
    // A run that blew up after a few updates would be a spike at the left edge of a 1000-iteration axis; show
    // the updates it made, with room to see that the curve ends.
    if (DivergenceWarning::isDiverged(*m_model))
        planned = static_cast<double>(std::max<long long>(m_model->iteration(m_model->lastRow()) * 5 / 4 + 1, 10));
    // Pinned curves are shown whole: they are what the live run is compared with.
    const double width = std::max({ planned, m_pinnedCurves->extent().lastIteration, 1.0 });
    m_plot->xAxis->setRange(-xMargin * width, (1 + xMargin) * width);
}

void LossPlot::updateYRange()
{
    LossExtent extent = m_curve->extent();
    extent.merge(m_pinnedCurves->extent());
    const double high = extent.maxLoss > 0 ? extent.maxLoss : 1.0;
    QCPAxis* axis = m_plot->yAxis;
    if (!m_logarithmic) {
        PlotStyle::setLinear(axis);
        axis->setRange(-0.04 * high, 1.08 * high);
        return;
    }
    double low = std::isfinite(extent.minPositiveLoss) ? extent.minPositiveLoss : high / 10;
    if (m_floor->value() > 0)
        low = std::min(low, m_floor->value());
    PlotStyle::setLogarithmicRange(axis, std::max(low, high * logDynamicRange), high);
}

void LossPlot::updateLabels()
{
    const Run* run = m_model->run();
    const LossKind loss = run ? run->settings.loss : SolverSettings().loss;
    m_plot->yAxis->setLabel(
        run && run->isLogistic() ? tr("loss (logloss)") : tr("loss (%1)").arg(CoreText::loss(loss)));
}

void LossPlot::updateLegend()
{
    m_plot->legend->setVisible(!m_pinnedCurves->graphs().empty() || m_accuracy->isShown());
}

void LossPlot::updateMarker()
{
    m_marker->update(*m_model, m_curve->graph(), m_logarithmic);
    m_pinnedMarkers->showIteration(*m_model, m_curve->graph(), m_logarithmic);
    replot();
}

void LossPlot::applyStyle()
{
    const PlotStyle style(*this, m_presentation);
    style.apply(m_plot);
    // Over the curves, inside the plot: smaller and more transparent than the legend of a plot of its own.
    QCPLegend* legend = m_plot->legend;
    legend->setFont(style.font(0.85));
    legend->setBrush(style.backgroundAlpha(215));
    legend->setBorderPen(QPen(style.textAlpha(70), 1));
    m_curve->applyStyle(style);
    m_accuracy->applyStyle(style);
    m_floor->applyStyle(style);
    m_marker->applyStyle(style);
    m_pinnedCurves->applyStyle(style);
    m_pinnedMarkers->applyStyle(style);
    m_warning->applyStyle(style);
    replot();
}

void LossPlot::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gdlab
