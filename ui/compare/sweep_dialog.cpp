#include "compare/sweep_dialog.h"
#include "session/core_text.h"

#include "session/iteration_model.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>

namespace gdlab {

namespace {

/** The lowest loss the log axis shows, relative to the highest: below that the digits are rounding noise. */
constexpr double kLogDynamicRange = 1e-16;
/** The x axis ends where the slowest converging curve has covered this fraction of its way down. */
constexpr double kVisibleProgress = 0.99;
/** On the gap axis it ends where the slowest converging curve has closed six decades of the gap. */
constexpr double kVisibleGapFraction = 1e-6;
/** The fraction of the y axis's height (in decades) kept below the line of L* for its label, at scale 1. */
constexpr double kMinimumLabelStrip = 0.07;
/** Line widths at presentation scale 1, in pixels. */
constexpr double kCurveWidth = 2.2;
constexpr double kMinimumLineWidth = 1.5;
constexpr double kMarkerSize = 7;
/** About this many markers on each curve's visible part, each curve at its own spacing so they do not coincide. */
constexpr double kMarkersPerCurve = 9;
/** The legend's room between and around its entries at scale 1: six long entries in two rows of three. */
constexpr double kLegendColumnSpacing = 24;
constexpr double kLegendMarginX = 8;
constexpr double kLegendMarginY = 4;

/** What the axes must show of a sweep's curves. */
struct Extent {
    double low = std::numeric_limits<double>::infinity();
    double high = 0;
    double xEnd = 0;
    double longest = 0;
};

QString shortNumber(double value)
{
    return QString::number(value, 'g', 3);
}

SolverSettings withoutRate(SolverSettings settings)
{
    settings.learningRate = 0;
    return settings;
}

double plotted(const LearningRateSweep& sweep, bool gap, std::size_t curve, std::size_t k)
{
    const SweepResult& result = sweep.results().at(curve);
    const double loss = result.losses.at(k);
    if (!gap)
        // A log axis cannot show 0 (data on an exact line reach it); such points are drawn far below the view.
        return loss > 0 ? loss : std::numeric_limits<double>::min();
    const double minimum = sweep.minimumLoss();
    // At the optimum the gap is rounding noise of either sign: drawn at the bottom of the axis's range.
    const double floor
        = std::max(std::abs(result.losses.front() - minimum), std::numeric_limits<double>::min()) * kLogDynamicRange;
    return std::max(loss - minimum, floor);
}

// Where a converging curve is as good as down: on the loss axis once it is flat on L*, on the gap axis once it
// has fallen the decades by which the sweep compares speeds.
void includeConverging(const LearningRateSweep& sweep, bool gap, std::size_t curve, Extent& extent)
{
    const std::vector<double>& losses = sweep.results()[curve].losses;
    const double minimum = sweep.minimumLoss();
    const double goal = minimum + (gap ? kVisibleGapFraction : 1 - kVisibleProgress) * (losses.front() - minimum);
    std::size_t reached = losses.size() - 1;
    for (std::size_t k = 0; k < losses.size(); ++k) {
        const double value = plotted(sweep, gap, curve, k);
        if (std::isfinite(value)) {
            extent.high = std::max(extent.high, value);
            if (value > 0)
                extent.low = std::min(extent.low, value);
        }
        if (losses[k] <= goal && k < reached)
            reached = k;
    }
    extent.xEnd = std::max(extent.xEnd, static_cast<double>(reached));
}

// Every rate diverged: show them all, whole.
void includeEveryCurve(const LearningRateSweep& sweep, bool gap, Extent& extent)
{
    for (std::size_t i = 0; i < sweep.results().size(); ++i)
        for (std::size_t k = 0; k < sweep.results()[i].losses.size(); ++k) {
            const double value = plotted(sweep, gap, i, k);
            if (std::isfinite(value) && value > 0) {
                extent.high = std::max(extent.high, value);
                extent.low = std::min(extent.low, value);
            }
        }
    extent.xEnd = extent.longest;
}

Extent visibleExtent(const LearningRateSweep& sweep, bool gap)
{
    Extent extent;
    bool anyConverging = false;
    for (std::size_t i = 0; i < sweep.results().size(); ++i) {
        const SweepResult& result = sweep.results()[i];
        extent.longest = std::max(extent.longest, static_cast<double>(result.losses.size()) - 1);
        if (result.behaviour == SweepBehaviour::Diverges || result.losses.empty())
            continue;
        anyConverging = true;
        includeConverging(sweep, gap, i, extent);
    }
    if (!anyConverging)
        includeEveryCurve(sweep, gap, extent);
    return extent;
}

} // namespace

SweepDialog::SweepDialog(const IterationModel* model, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_header(new QLabel(this))
    , m_gapBox(new QCheckBox(tr("Plot the distance to the least-squares loss, L − L*"), this))
    , m_plot(new QCustomPlot(this))
{
    setWindowTitle(tr("Learning-rate sweep"));
    setModal(false);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    setUpPlot();
    setUpMinimumLine();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The default view tells the story: on L − L* the rates separate into lines whose slopes are their speeds.
    m_gapBox->setChecked(m_showGap);
    m_gapBox->setToolTip(tr("Every converging curve flattens onto the least-squares loss L*; plotted as L − L* on a "
                            "log axis, each becomes a line whose slope is its speed."));
    connect(m_gapBox, &QCheckBox::toggled, this, &SweepDialog::setShowGap);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_gapBox);
    layout->addWidget(m_plot, 1);
    layout->addWidget(buttons);

    connect(m_model, &IterationModel::runReset, this, &SweepDialog::onRunReset);

    applyStyle();
    refresh();
}

SweepDialog::~SweepDialog() = default;

void SweepDialog::setUpPlot()
{
    m_plot->setMinimumSize(420, 300);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel(tr("iteration"));

    // Below the plot rather than inside it: six long entries would cover the curves they describe.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_plot->legend->setWrap(2);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

void SweepDialog::setUpMinimumLine()
{
    m_minimumLine = new QCPItemStraightLine(m_plot);
    m_minimumLine->setVisible(false);
    m_minimumLabel = new QCPItemText(m_plot);
    m_minimumLabel->setText(tr("least squares"));
    // Below the line at the right end: every converging curve approaches the line from above.
    m_minimumLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_minimumLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_minimumLabel->setPadding(QMargins(2, 2, 6, 0));
    m_minimumLabel->setVisible(false);
}

QSize SweepDialog::sizeHint() const
{
    return QSize(860, 620);
}

const std::vector<SweepResult>& SweepDialog::results() const
{
    static const std::vector<SweepResult> none;
    return m_sweep ? m_sweep->results() : none;
}

QStringList SweepDialog::legendTexts() const
{
    QStringList texts;
    for (const QCPGraph* graph : m_graphs)
        texts << graph->name();
    return texts;
}

QString SweepDialog::headerText() const
{
    return m_header->text();
}

long long SweepDialog::sweptIterations() const
{
    return m_sweep ? m_sweep->settings().iterations : 0;
}

void SweepDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (m_dirty)
        refresh();
}

void SweepDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (m_plot && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void SweepDialog::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
    updateRanges();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepDialog::onRunReset(RunCause cause)
{
    const Run* run = m_model->run();
    // The swept rates are multiples of the bound, so a new learning rate alone changes none of the curves.
    if (!run || !m_sweep || changesProblem(cause) || withoutRate(run->settings) != m_sweptSettings)
        m_dirty = true;
    // A hidden dialog catches up when it is shown.
    if (m_dirty && isVisible())
        refresh();
    else if (!m_dirty)
        updateHeader();
}

void SweepDialog::setShowGap(bool on)
{
    if (on == m_showGap)
        return;
    m_showGap = on;
    const QSignalBlocker blocker(m_gapBox);
    m_gapBox->setChecked(on);
    rebuildPlot();
}

double SweepDialog::plottedValue(std::size_t curve, std::size_t k) const
{
    if (!m_sweep)
        throw std::out_of_range("SweepDialog::plottedValue: nothing was swept");
    return plotted(*m_sweep, m_showGap, curve, k);
}

void SweepDialog::refresh()
{
    const Run* run = m_model->run();
    m_sweep = run ? std::make_unique<LearningRateSweep>(*run) : nullptr;
    m_sweptSettings = run ? withoutRate(run->settings) : SolverSettings();
    m_dirty = false;
    rebuildPlot();
    updateHeader();
}

void SweepDialog::rebuildPlot()
{
    ++m_refreshCount;
    addCurves();
    const QString lossText = CoreText::loss(m_sweep ? m_sweep->settings().loss : LossKind::Mse);
    m_plot->yAxis->setLabel(
        m_showGap ? tr("loss − least-squares loss (%1)").arg(lossText) : tr("loss (%1)").arg(lossText));
    updateMinimumLine();
    applyStyle();
    updateRanges();
    m_plot->replot();
}

void SweepDialog::addCurves()
{
    for (QCPGraph* graph : m_graphs)
        m_plot->removeGraph(graph);
    m_graphs.clear();
    const std::vector<SweepResult>& sweep = results();
    for (std::size_t i = 0; i < sweep.size(); ++i) {
        QCPGraph* graph = m_plot->addGraph();
        const int rows = static_cast<int>(sweep[i].losses.size());
        QVector<double> keys(rows);
        QVector<double> values(rows);
        for (int k = 0; k < rows; ++k) {
            keys[k] = k;
            values[k] = plottedValue(i, static_cast<std::size_t>(k));
        }
        graph->setData(keys, values, true);
        graph->setName(curveLabel(sweep[i]));
        m_graphs.push_back(graph);
    }
}

// What the curve did, in words that match what it shows on L − L*: its shape, and how many updates it needed to
// bring L − L* down by the sweep's reference decades (the slope a reader sees), so "too slow" is never on a curve
// that falls faster than another.
QString SweepDialog::curveLabel(const SweepResult& result) const
{
    const QString behaviour = result.behaviour == SweepBehaviour::Oscillates && result.slow
        ? tr("oscillates, too slow")
        : CoreText::sweepBehaviour(result.behaviour);
    QString label
        = tr("%1× bound (lr %2): %3").arg(shortNumber(result.factor), shortNumber(result.learningRate), behaviour);
    const long long updates = static_cast<long long>(result.losses.size()) - 1;
    if (result.reason == StopReason::Diverged)
        label += updates == 1 ? tr(" after 1 update") : tr(" after %1 updates").arg(updates);
    else if (result.updatesToReference >= 0)
        label += result.updatesToReference == 1 ? tr(", 1 update") : tr(", %1 updates").arg(result.updatesToReference);
    else if (m_sweep && m_sweep->referenceDecades() > 0 && result.behaviour != SweepBehaviour::Diverges)
        label += tr(", not within %1").arg(updates);
    return label;
}

void SweepDialog::updateMinimumLine()
{
    const std::vector<SweepResult>& sweep = results();
    const double minimum = m_sweep ? m_sweep->minimumLoss() : 0;
    const double start = !sweep.empty() && !sweep.front().losses.empty() ? sweep.front().losses.front() : 0;
    // A floor of rounding noise (data on an exact line) has no place on a log axis.
    const bool showMinimum = !m_showGap && minimum > 1e-12 * start && std::isfinite(minimum);
    m_minimumLine->setVisible(showMinimum);
    m_minimumLabel->setVisible(showMinimum);
    if (!showMinimum)
        return;
    m_minimumLine->point1->setCoords(0, minimum);
    m_minimumLine->point2->setCoords(1, minimum);
    m_minimumLabel->position->setCoords(1.0, minimum);
    m_minimumLabel->setText(tr("least squares: %1").arg(QString::number(minimum, 'g', 4)));
}

void SweepDialog::updateRanges()
{
    const Extent extent = m_sweep ? visibleExtent(*m_sweep, m_showGap) : Extent();
    // The fast curves fall in the first few percent of a long run; end the axis where the slowest converging
    // one is down, with room to see it flatten. Diverging curves leave through the top.
    const double longest = std::max(extent.longest, 1.0);
    const double xEnd = std::clamp(std::ceil(extent.xEnd * 1.25), std::min(10.0, longest), longest);
    m_plot->xAxis->setRange(-0.02 * xEnd, 1.02 * xEnd);
    // Markers spread over what is in view, at a spacing of each curve's own: where two curves run together,
    // the lower one's markers still show between the upper one's.
    for (std::size_t i = 0; i < m_graphs.size(); ++i) {
        const double spacing = std::max(1.0, xEnd / kMarkersPerCurve * (1 + 0.17 * double(i)));
        m_graphs[i]->setScatterSkip(static_cast<int>(std::lround(spacing)) - 1);
    }

    double high = extent.high > 0 ? extent.high : 1;
    double low = extent.low;
    const double minimum = m_sweep ? m_sweep->minimumLoss() : 0;
    if (minimum > 0)
        low = std::min(low, minimum);
    if (!std::isfinite(low))
        low = high / 10;
    low = roomForMinimumLabel(std::max(low, high * kLogDynamicRange), high);
    if (!(high > low)) {
        low = high / 2;
        high *= 2;
    }
    // Headroom at the top as large as the axis's own margin, so a diverging curve is seen rising before it
    // leaves the view.
    const double headroom = std::pow(10.0, std::max(0.06 * std::log10(high / low), 0.03));
    PlotStyle::setLogarithmicRange(m_plot->yAxis, low, high, headroom);
}

// The label of L* sits under its line, and the line is at the bottom of the data: the axis keeps a strip below
// it for the label, taller in presentation mode as the label's font is.
double SweepDialog::roomForMinimumLabel(double low, double high) const
{
    if (!m_minimumLine->visible() || !(high > 0))
        return low;
    const double strip = kMinimumLabelStrip * (m_presentation ? PlotStyle::presentationScale() : 1.0);
    const double lowest = std::pow(m_sweep->minimumLoss() / std::pow(high, strip), 1 / (1 - strip));
    return std::min(low, lowest);
}

void SweepDialog::updateHeader()
{
    if (!m_sweep || !m_sweep->error().empty()) {
        const QString reason = m_sweep ? QString::fromStdString(m_sweep->error()) : tr("nothing is loaded");
        m_header->setText(tr("Nothing to sweep: %1.").arg(reason));
        return;
    }
    const SolverSettings& swept = m_sweep->settings();
    const double bound = m_sweep->bound();
    const QString method = CoreText::method(swept.method);
    const QString optimizer = CoreText::optimizer(swept.optimizer.kind);
    QString text = tr("The same descent (%1, %2, loss %3) at %4 learning rates, %5 updates each. ")
                       .arg(method, optimizer, CoreText::loss(swept.loss))
                       .arg(results().size())
                       .arg(swept.iterations);
    text += swept.optimizer.kind == OptimizerKind::Gd
        ? tr("They are multiples of the stability bound 2/λmax = %1 of batch descent: above it, batch descent "
             "diverges.")
              .arg(shortNumber(bound))
        : m_sweep->boundIsOptimizers()
        ? tr("They are multiples of %1's stability bound %2 for batch updates: above it, it diverges.")
              .arg(optimizer, shortNumber(bound))
        : tr("%1 has no fixed stability bound, so they are multiples of gd's bound 2/λmax = %2.")
              .arg(optimizer, shortNumber(bound));
    if (swept.method != DescentMethod::Batch)
        text += tr(" A sample's or a batch's gradient is noisier, so %1 can behave differently near the bound.")
                    .arg(method);
    if (m_sweep->referenceDecades() > 0)
        text += tr(" Each label gives the updates its curve needs to bring L − L* down by %1 decades: the steeper "
                   "the line, the fewer.")
                    .arg(shortNumber(m_sweep->referenceDecades()));
    const double rate = m_model->run() ? m_model->run()->settings.learningRate : 0;
    if (bound > 0 && rate > 0)
        text += tr(" Your learning rate %1 is %2× the bound.").arg(shortNumber(rate), shortNumber(rate / bound));
    m_header->setText(text);
}

void SweepDialog::applyStyle()
{
    const PlotStyle style(*this, m_presentation);
    style.apply(m_plot);
    QCPLegend* legend = m_plot->legend;
    legend->setColumnSpacing(qRound(style.scaled(kLegendColumnSpacing)));
    const int marginX = qRound(style.scaled(kLegendMarginX));
    const int marginY = qRound(style.scaled(kLegendMarginY));
    legend->setMargins(QMargins(marginX, marginY, marginX, marginY));
    m_minimumLine->setPen(QPen(ViewPalette::leastSquares(), style.scaled(kMinimumLineWidth), Qt::DashLine));
    m_minimumLabel->setFont(style.font(0.9));
    m_minimumLabel->setColor(ViewPalette::leastSquares());
    // The sentences above the plot are read from the back row too.
    m_header->setFont(style.font());
    m_gapBox->setFont(style.font());
    styleCurves(style);
}

// One colour and one marker per rate; divergence always in the warning colour, a second diverging curve dashed.
void SweepDialog::styleCurves(const PlotStyle& style)
{
    static const QCPScatterStyle::ScatterShape shapes[]
        = { QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
              QCPScatterStyle::ssDiamond, QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCrossSquare };
    const std::vector<SweepResult>& sweep = results();
    int divergingSeen = 0;
    for (std::size_t i = 0; i < m_graphs.size() && i < sweep.size(); ++i) {
        const bool diverges = sweep[i].behaviour == SweepBehaviour::Diverges;
        QPen pen(
            diverges ? ViewPalette::warning() : ViewPalette::series(static_cast<int>(i)), style.scaled(kCurveWidth));
        if (diverges && divergingSeen++ > 0)
            pen.setStyle(Qt::DashLine);
        m_graphs[i]->setPen(pen);
        QPen outline = pen;
        outline.setStyle(Qt::SolidLine);
        outline.setWidthF(style.scaled(1.5));
        m_graphs[i]->setScatterStyle(QCPScatterStyle(
            shapes[i % std::size(shapes)], outline, QBrush(ViewPalette::outline()), style.scaled(kMarkerSize)));
    }
}

} // namespace gdlab
