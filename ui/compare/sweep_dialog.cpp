#include "compare/sweep_dialog.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

/** The lowest loss the log axis shows, relative to the highest: below that the digits are rounding noise. */
constexpr double kLogDynamicRange = 1e-16;
/** Under this many decades a log ticker labels a single power of ten; plain numbers read better. */
constexpr double kMinimumLogTickerDecades = 2.0;
/** The x axis ends where the slowest converging curve has covered this fraction of its way down. */
constexpr double kVisibleProgress = 0.99;
/** On the gap axis it ends where the slowest converging curve has closed six decades of the gap. */
constexpr double kVisibleGapFraction = 1e-6;

QString shortNumber(double value)
{
    return QString::number(value, 'g', 3);
}

SolverSettings withoutRate(SolverSettings settings)
{
    settings.learningRate = 0;
    return settings;
}

} // namespace

SweepDialog::SweepDialog(SessionController* controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_header(new QLabel(this))
    , m_gapBox(new QCheckBox(tr("Plot the distance to the least-squares loss, L − L*"), this))
    , m_plot(new QCustomPlot(this))
{
    setWindowTitle(tr("Learning-rate sweep"));
    setModal(false);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_plot->setMinimumSize(420, 300);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel(tr("iteration"));

    // Below the plot rather than inside it: six long entries would cover the curves they describe.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    m_plot->legend->setWrap(3);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);

    m_minimumLine = new QCPItemStraightLine(m_plot);
    m_minimumLine->setVisible(false);
    m_minimumLabel = new QCPItemText(m_plot);
    m_minimumLabel->setText(tr("least squares"));
    // Below the line at the right end: every converging curve approaches the line from above.
    m_minimumLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_minimumLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_minimumLabel->setPadding(QMargins(2, 2, 6, 0));
    m_minimumLabel->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_gapBox->setToolTip(tr("Every converging curve flattens onto the least-squares loss L*; plotted as L − L* on a "
                            "log axis, each becomes a line whose slope is its speed."));
    connect(m_gapBox, &QCheckBox::toggled, this, &SweepDialog::setShowGap);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_gapBox);
    layout->addWidget(m_plot, 1);
    layout->addWidget(buttons);

    connect(m_controller, &SessionController::problemChanged, this, [this] {
        m_dirty = true;
        scheduleRefresh();
    });
    connect(m_controller, &SessionController::settingsChanged, this, &SweepDialog::onSettingsChanged);

    applyStyle();
    refresh();
}

SweepDialog::~SweepDialog() = default;

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

void SweepDialog::onSettingsChanged()
{
    // The swept rates are multiples of the bound, so dragging the learning rate changes none of the curves.
    if (withoutRate(m_controller->settings()) != m_sweptSettings)
        m_dirty = true;
    if (m_dirty)
        scheduleRefresh();
    else
        updateHeader();
}

void SweepDialog::scheduleRefresh()
{
    // A hidden dialog catches up when it is shown; a visible one once per event-loop turn, however many
    // signals a change (new data, then settings) sends.
    if (!isVisible() || m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        if (m_dirty)
            refresh();
    });
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
    const SweepResult& result = results().at(curve);
    const double loss = result.losses.at(k);
    const double start = result.losses.front();
    if (!m_showGap)
        // A log axis cannot show 0 (data on an exact line reach it); such points are drawn far below the view.
        return loss > 0 ? loss : std::numeric_limits<double>::min();
    const double minimum = m_sweep->minimumLoss();
    // At the optimum the gap is rounding noise of either sign: drawn at the bottom of the axis's range.
    const double floor = std::max(std::abs(start - minimum), std::numeric_limits<double>::min()) * kLogDynamicRange;
    return std::max(loss - minimum, floor);
}

void SweepDialog::refresh()
{
    const Run* run = m_controller->model()->run();
    m_sweep = run ? std::make_unique<LearningRateSweep>(*run) : nullptr;
    m_sweptSettings = withoutRate(m_controller->settings());
    m_dirty = false;
    rebuildPlot();
    updateHeader();
}

void SweepDialog::rebuildPlot()
{
    for (QCPGraph* graph : m_graphs)
        m_plot->removeGraph(graph);
    m_graphs.clear();

    const std::vector<SweepResult>& sweep = results();
    int divergingSeen = 0;
    for (std::size_t i = 0; i < sweep.size(); ++i) {
        const SweepResult& result = sweep[i];
        QCPGraph* graph = m_plot->addGraph();
        const int rows = static_cast<int>(result.losses.size());
        QVector<double> keys(rows);
        QVector<double> values(rows);
        for (int k = 0; k < rows; ++k) {
            keys[k] = k;
            values[k] = plottedValue(i, static_cast<std::size_t>(k));
        }
        graph->setData(keys, values, true);
        const bool diverges = result.behaviour == SweepBehaviour::Diverges;
        // One colour per rate; divergence always in the warning colour, a second diverging curve dashed.
        QPen pen(diverges ? ViewPalette::warning() : ViewPalette::series(static_cast<int>(i)), 2.2);
        if (diverges && divergingSeen++ > 0)
            pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        QString label = tr("%1× bound (lr %2): %3")
                            .arg(shortNumber(result.factor), shortNumber(result.learningRate),
                                QString::fromUtf8(LearningRateSweep::behaviourName(result.behaviour)));
        if (result.reason == StopReason::Diverged) {
            const long long updates = static_cast<long long>(result.losses.size()) - 1;
            label += updates == 1 ? tr(" after 1 update") : tr(" after %1 updates").arg(updates);
        }
        graph->setName(label);
        m_graphs.push_back(graph);
    }

    const QString lossText = QString::fromUtf8(lossName(m_sweep ? m_sweep->settings().loss : LossKind::Mse));
    m_plot->yAxis->setLabel(
        m_showGap ? tr("loss − least-squares loss (%1)").arg(lossText) : tr("loss (%1)").arg(lossText));
    const double minimum = m_sweep ? m_sweep->minimumLoss() : 0;
    const double start = !sweep.empty() && !sweep.front().losses.empty() ? sweep.front().losses.front() : 0;
    // A floor of rounding noise (data on an exact line) has no place on a log axis.
    const bool showMinimum = !m_showGap && minimum > 1e-12 * start && std::isfinite(minimum);
    m_minimumLine->setVisible(showMinimum);
    m_minimumLabel->setVisible(showMinimum);
    if (showMinimum) {
        m_minimumLine->point1->setCoords(0, minimum);
        m_minimumLine->point2->setCoords(1, minimum);
        m_minimumLabel->position->setCoords(1.0, minimum);
        m_minimumLabel->setText(tr("least squares: %1").arg(QString::number(minimum, 'g', 4)));
    }
    applyStyle();
    updateRanges();
    m_plot->replot();
}

void SweepDialog::updateRanges()
{
    const std::vector<SweepResult>& sweep = results();
    const double minimum = m_sweep ? m_sweep->minimumLoss() : 0;
    double high = 0;
    double low = std::numeric_limits<double>::infinity();
    double xEnd = 0;
    double longest = 0;
    bool anyConverging = false;
    for (std::size_t i = 0; i < sweep.size(); ++i) {
        const SweepResult& result = sweep[i];
        longest = std::max(longest, static_cast<double>(result.losses.size()) - 1);
        if (result.behaviour == SweepBehaviour::Diverges || result.losses.empty())
            continue;
        anyConverging = true;
        // Where the curve is as good as down: on the loss axis once it is flat on L*, on the gap axis once it
        // has fallen the decades by which the sweep compares speeds.
        const double startGap = result.losses.front() - minimum;
        const double goal = minimum + (m_showGap ? kVisibleGapFraction : 1 - kVisibleProgress) * startGap;
        std::size_t reached = result.losses.size() - 1;
        for (std::size_t k = 0; k < result.losses.size(); ++k) {
            const double value = plottedValue(i, k);
            if (std::isfinite(value)) {
                high = std::max(high, value);
                if (value > 0)
                    low = std::min(low, value);
            }
            if (result.losses[k] <= goal && k < reached)
                reached = k;
        }
        xEnd = std::max(xEnd, static_cast<double>(reached));
    }
    if (!anyConverging) {
        // Every rate diverged: show them all, whole.
        for (std::size_t i = 0; i < sweep.size(); ++i)
            for (std::size_t k = 0; k < sweep[i].losses.size(); ++k) {
                const double value = plottedValue(i, k);
                if (std::isfinite(value) && value > 0) {
                    high = std::max(high, value);
                    low = std::min(low, value);
                }
            }
        xEnd = longest;
    }
    // The fast curves fall in the first few percent of a long run; end the axis where the slowest converging
    // one is down, with room to see it flatten. Diverging curves leave through the top.
    xEnd = std::clamp(std::ceil(xEnd * 1.25), std::min(10.0, std::max(longest, 1.0)), std::max(longest, 1.0));
    m_plot->xAxis->setRange(-0.02 * xEnd, 1.02 * xEnd);

    if (!(high > 0))
        high = 1;
    if (minimum > 0)
        low = std::min(low, minimum);
    if (!std::isfinite(low))
        low = high / 10;
    low = std::max(low, high * kLogDynamicRange);
    if (!(high > low)) {
        low = high / 2;
        high *= 2;
    }
    const double decades = std::log10(high / low);
    const double pad = std::pow(10.0, std::max(0.06 * decades, 0.03));
    QCPAxis* axis = m_plot->yAxis;
    axis->setScaleType(QCPAxis::stLogarithmic);
    // Extra headroom at the top, so a diverging curve is seen rising before it leaves the view.
    axis->setRange(low / pad, high * pad * pad);
    if (std::log10(axis->range().upper / axis->range().lower) >= kMinimumLogTickerDecades) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(decades > 4 ? 0 : 8);
        ticker->setTickCount(5);
        axis->setTicker(ticker);
        axis->setNumberFormat("eb");
        axis->setNumberPrecision(0);
        axis->grid()->setSubGridVisible(decades <= 4);
    } else {
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setNumberFormat("gb");
        axis->setNumberPrecision(4);
        axis->grid()->setSubGridVisible(false);
    }
}

void SweepDialog::updateHeader()
{
    if (!m_sweep || !m_sweep->error().empty()) {
        const QString reason = m_sweep ? QString::fromStdString(m_sweep->error()) : tr("nothing is loaded");
        m_header->setText(tr("Nothing to sweep: %1.").arg(reason));
        return;
    }
    const SolverSettings& swept = m_sweep->settings();
    const double bound = m_sweep->stability().divergenceBound;
    const QString method = QString::fromUtf8(methodName(swept.method));
    QString text = tr("The same descent (%1, loss %2) at %3 learning rates, %4 updates each. They are multiples of "
                      "the stability bound 2/λmax = %5 of batch descent: above it, batch descent diverges.")
                       .arg(method, QString::fromUtf8(lossName(swept.loss)))
                       .arg(results().size())
                       .arg(swept.iterations)
                       .arg(shortNumber(bound));
    if (swept.method != DescentMethod::Batch)
        text += tr(" A sample's or a batch's gradient is noisier, so %1 can behave differently near the bound.")
                    .arg(method);
    const double rate = m_controller->settings().learningRate;
    if (bound > 0 && rate > 0)
        text += tr(" Your learning rate %1 is %2× the bound.").arg(shortNumber(rate), shortNumber(rate / bound));
    m_header->setText(text);
}

void SweepDialog::applyStyle()
{
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    QFont labelFont = font();
    QFont tickFont = font();
    tickFont.setPointSizeF((font().pointSizeF() > 0 ? font().pointSizeF() : 9.0) * 0.9);

    m_plot->setBackground(base);
    QColor gridColour = text;
    gridColour.setAlpha(40);
    QColor subGridColour = text;
    subGridColour.setAlpha(18);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis }) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
        axis->grid()->setPen(QPen(gridColour, 1));
        axis->grid()->setZeroLinePen(QPen(gridColour, 1));
        axis->grid()->setSubGridPen(QPen(subGridColour, 1));
    }
    QCPLegend* legend = m_plot->legend;
    legend->setFont(font());
    legend->setTextColor(text);
    legend->setBrush(base);
    legend->setBorderPen(QPen(gridColour, 1));
    legend->setColumnSpacing(24);
    legend->setMargins(QMargins(8, 4, 8, 4));

    m_minimumLine->setPen(QPen(ViewPalette::leastSquares(), 1.5, Qt::DashLine));
    m_minimumLabel->setFont(tickFont);
    m_minimumLabel->setColor(ViewPalette::leastSquares());
}

} // namespace gdlab
