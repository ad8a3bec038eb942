#include "views/parameter_loss_plot.h"

#include "history.h"
#include "loss_along_parameter.h"
#include "problem.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/clipped_line_graph.h"
#include "views/cosmetic_pen.h"
#include "views/optimum_star.h"
#include "views/plot_style.h"
#include "views/slice_subtitle.h"
#include "views/tangent_marker.h"
#include "views/tick_density.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gdlab {

namespace {

/** A diverging path is framed up to this multiple of the start's loss, so its first swings show as steps. */
constexpr double divergingLossFactor = 25.0;
/** The earlier steps drawn as dots: enough to see the descent, few enough to tell apart. */
constexpr int maxStepDots = 200;
/** Rows looked at to frame a long history. */
constexpr int maxFramingRows = 4096;

} // namespace

ParameterLossPlot::ParameterLossPlot(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_surface(surface)
    , m_stack(new QStackedLayout(this))
    , m_message(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    new TickDensity(m_plot);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_plot);
    m_stack->addWidget(m_message);
    m_plot->setMinimumSize(220, 150);

    m_curve = addClippedLineGraph(m_plot);
    m_curve->setName(tr("loss along the parameter"));
    m_steps = addClippedLineGraph(m_plot);
    m_steps->setName(tr("earlier steps"));
    m_steps->setLineStyle(QCPGraph::lsNone);
    // The off-frame arrow draws on "arrow", over the curve and the markers, as on the contour map.
    m_plot->addLayer(QStringLiteral("arrow"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_optimum = new OptimumStar(m_plot, this);
    m_tangent = new TangentMarker(m_plot, this);
    m_subtitle = new SliceSubtitle(m_plot, this);
    m_plot->setToolTip(tr("The loss along one parameter, the others held. The ball is the current value; the "
                          "tangent's slope is the partial derivative, and each step moves against it: "
                          "θ ← θ − lr · slope."));

    connect(m_model, &IterationModel::runReset, this, &ParameterLossPlot::onRunReset);
    // Appended rows may widen the frame (a worker's run): drawn again, cheap as it is (no grid).
    connect(m_model, &IterationModel::rowsAppended, this, &ParameterLossPlot::redraw);
    connect(m_model, &IterationModel::currentRowChanged, this, &ParameterLossPlot::onCurrentRowChanged);
    // The hold mode is the surface's: a change there moves the curve here.
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &ParameterLossPlot::onSurfaceChanged);

    applyStyle();
    onRunReset(RunCause::NewData);
}

ParameterLossPlot::~ParameterLossPlot() = default;

int ParameterLossPlot::defaultParameter(const Problem& problem)
{
    return problem.hasIntercept() && problem.parameterCount() > 1 ? 1 : 0;
}

QCPGraph* ParameterLossPlot::curve() const
{
    return m_curve;
}

QCPGraph* ParameterLossPlot::steps() const
{
    return m_steps;
}

QCPGraph* ParameterLossPlot::ball() const
{
    return m_tangent->ball();
}

QCPCurve* ParameterLossPlot::optimumMarker() const
{
    return m_optimum->curve();
}

QString ParameterLossPlot::heldText() const
{
    return m_subtitle->text();
}

bool ParameterLossPlot::isShowingMessage() const
{
    return m_stack->currentWidget() == m_message;
}

void ParameterLossPlot::setParameter(int parameter)
{
    const Run* run = m_model->run();
    if (!run || parameter < 0 || parameter >= run->problem->parameterCount() || parameter == m_parameter)
        return;
    m_parameter = parameter;
    ++m_refreshCount;
    redraw();
    emit parameterChanged(parameter);
}

void ParameterLossPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
}

void ParameterLossPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void ParameterLossPlot::onRunReset(RunCause cause)
{
    ++m_refreshCount;
    // Other parameters (another lesson, file or columns) start on the default one; the same parameters (new
    // settings, edited points) keep the one the user chose.
    const Run* run = m_model->run();
    const int count = run ? static_cast<int>(run->problem->parameterCount()) : 0;
    const bool otherParameters
        = cause == RunCause::NewLesson || cause == RunCause::NewData || cause == RunCause::NewColumns;
    if (run && (otherParameters || m_parameter >= count)) {
        const int chosen = defaultParameter(*run->problem);
        if (chosen != m_parameter) {
            m_parameter = chosen;
            emit parameterChanged(chosen);
        }
    }
    redraw();
}

void ParameterLossPlot::redraw()
{
    const Run* run = m_model->run();
    if (!run || m_model->isEmpty() || m_parameter >= run->problem->parameterCount()) {
        m_line.reset();
        m_message->setText(tr("No data loaded."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_stack->setCurrentWidget(m_plot);
    rebuildLine();
    updateFrame();
    drawCurve();
    updateCurrent();
}

void ParameterLossPlot::onCurrentRowChanged()
{
    if (!m_line)
        return;
    // Held at the current step, the curve itself moves with the cursor (with more than one parameter).
    if (heldAtStep()) {
        rebuildLine();
        drawCurve();
    }
    updateCurrent();
}

void ParameterLossPlot::onSurfaceChanged()
{
    // Cheap (no grid): the hold may have changed, so the line is made again.
    if (!m_line)
        return;
    rebuildLine();
    drawCurve();
    updateCurrent();
}

Eigen::VectorXd ParameterLossPlot::heldBase() const
{
    const Run& run = *m_model->run();
    const Eigen::VectorXd* optimum = run.optimum();
    if (m_surface->holdMode() == ErrorSurfaceModel::HoldMode::CurrentIterate || !optimum) {
        const auto theta = m_model->theta(m_model->currentRow());
        if (theta.size() == run.problem->parameterCount() && theta.allFinite())
            return theta;
    }
    return optimum ? *optimum : Eigen::VectorXd(Eigen::VectorXd::Zero(run.problem->parameterCount()));
}

bool ParameterLossPlot::heldAtStep() const
{
    return m_surface->holdMode() == ErrorSurfaceModel::HoldMode::CurrentIterate || !m_model->run()->optimum();
}

void ParameterLossPlot::rebuildLine()
{
    const Run& run = *m_model->run();
    m_line = run.isLogistic()
        ? std::make_unique<LossAlongParameter>(LossAlongParameter::logistic(*run.problem, m_parameter, heldBase()))
        : std::make_unique<LossAlongParameter>(*run.problem, run.settings.loss, m_parameter, heldBase());
    m_plot->xAxis->setLabel(m_surface->axisTitle(m_parameter));
    m_plot->yAxis->setLabel(m_surface->lossTitle());
    updateHeldText();
}

void ParameterLossPlot::updateFrame()
{
    // The whole path frames the view (not only the rows up to the cursor), so stepping never moves the axes.
    const History& history = m_model->history();
    const int rows = m_model->lastRow() + 1;
    const int stride = std::max(1, rows / maxFramingRows);
    // The log loss on the line is a pass over the rows: a run's own losses tell a diverging row as well, for free.
    const bool logistic = m_model->run()->isLogistic();
    const auto lossAt = [&](int row, double value) {
        return logistic ? history.loss(static_cast<std::size_t>(row)) : m_line->loss(value);
    };
    const double startLoss = lossAt(0, m_model->theta(0)(m_parameter));
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(rows / stride + 2));
    for (int row = 0; row < rows; row += stride) {
        const double value = history.theta(static_cast<std::size_t>(row))(m_parameter);
        if (row == 0 || lossAt(row, value) <= divergingLossFactor * startLoss)
            values.push_back(value);
    }
    if (const Eigen::VectorXd* optimum = m_model->run()->optimum())
        values.push_back((*optimum)(m_parameter));
    const auto [low, high] = m_line->frame(values);
    m_plot->xAxis->setRange(low, high);
}

void ParameterLossPlot::drawCurve()
{
    const QCPRange x = m_plot->xAxis->range();
    QVector<double> keys(samples);
    QVector<double> values(samples);
    double top = 0;
    for (int i = 0; i < samples; ++i) {
        keys[i] = x.lower + x.size() * i / (samples - 1);
        values[i] = m_line->loss(keys[i]);
        top = std::max(top, values[i]);
    }
    m_curve->setData(keys, values, true);
    const double bottom
        = m_line->hasMinimum() ? m_line->minimumLoss() : *std::min_element(values.begin(), values.end());
    const double span = top > bottom ? top - bottom : std::max(1.0, std::abs(top));
    m_plot->yAxis->setRange(bottom - 0.06 * span, top + 0.1 * span);
    if (const Eigen::VectorXd* optimum = m_model->run()->optimum())
        m_optimum->show(
            QPointF((*optimum)(m_parameter), m_line->loss((*optimum)(m_parameter))), m_model->run()->isLogistic());
    else
        m_optimum->clear(); // separable data: no optimum to mark
}

void ParameterLossPlot::updateCurrent()
{
    const int row = m_model->currentRow();
    const double value = m_model->theta(row)(m_parameter);
    const QString symbol = m_model->parameterSymbols().value(m_parameter);
    m_tangent->show(*m_line, value, symbol);
    // The earlier steps, as dots on the curve: every row while few, evenly spaced ones for a long run.
    const int stride = std::max(1, (row + maxStepDots - 1) / maxStepDots);
    QVector<double> keys;
    QVector<double> values;
    for (int earlier = 0; earlier < row; earlier += stride) {
        const double theta = m_model->theta(earlier)(m_parameter);
        keys.push_back(theta);
        values.push_back(m_line->loss(theta));
    }
    m_steps->setData(keys, values);
    replot();
}

QString ParameterLossPlot::heldValuesText() const
{
    const Problem& problem = *m_model->run()->problem;
    if (problem.parameterCount() < 2 || !m_line)
        return {};
    const bool atStep = heldAtStep();
    const Eigen::VectorXd base = heldBase();
    QStringList parts;
    for (Eigen::Index p = 0; p < problem.parameterCount(); ++p) {
        if (p != m_parameter)
            parts << QStringLiteral("%1 = %2").arg(
                m_model->parameterSymbols().value(static_cast<int>(p)), QString::number(base(p), 'g', 4));
    }
    return atStep ? tr("Others held at the current step: %1 (the slope is ∂L/∂%2 at the current θ)")
                        .arg(parts.join(QStringLiteral(", ")), m_model->parameterSymbols().value(m_parameter))
        : m_model->run()->isLogistic() ? tr("Others held at Newton's optimum: %1").arg(parts.join(QStringLiteral(", ")))
                                       : tr("Others held at least squares: %1").arg(parts.join(QStringLiteral(", ")));
}

void ParameterLossPlot::updateHeldText()
{
    m_subtitle->setText(heldValuesText());
}

void ParameterLossPlot::applyStyle()
{
    const PlotStyle style(*this, m_presentation);
    style.apply(m_plot);
    m_message->setFont(style.font(1.1));
    m_curve->setPen(QPen(style.textAlpha(220), style.scaled(2.0)));
    QColor dots = ViewPalette::current();
    dots.setAlpha(140);
    m_steps->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dots, style.scaled(6)));
    m_optimum->applyStyle(style);
    m_tangent->applyStyle(style);
    m_subtitle->applyStyle(style);
    replot();
}

void ParameterLossPlot::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace gdlab
