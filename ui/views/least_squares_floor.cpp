#include "views/least_squares_floor.h"

#include "loss.h"
#include "run.h"
#include "session/iteration_model.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
/** A least-squares loss below this fraction of the starting loss is rounding noise, not a floor. */
constexpr double meaningfulMinimum = 1e-12;

} // namespace

LeastSquaresFloor::LeastSquaresFloor(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_line(new QCPItemStraightLine(plot))
    , m_label(new QCPItemText(plot))
    , m_value(unknown)
{
    m_line->setVisible(false);
    m_label->setText(tr("least squares"));
    m_label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_label->setPadding(QMargins(2, 0, 6, 2));
    m_label->setVisible(false);
}

double LeastSquaresFloor::minimumLoss(const IterationModel& model)
{
    const Run* run = model.run();
    if (!run || !run->problem)
        return unknown;
    const double weight = lossWeight(run->settings.loss, run->problem->sampleCount());
    double minimum = weight * run->leastSquares.sumOfSquares;
    if (run->isLogistic())
        minimum = run->optimum() ? run->logistic->loss : unknown; // separable data: no floor, the loss falls to 0
    // No floor worth drawing, and it would stretch the log axis over decades the curve never reaches.
    if (!model.isEmpty() && minimum < model.loss(0) * meaningfulMinimum)
        return 0;
    return minimum;
}

void LeastSquaresFloor::update(const IterationModel& model, bool logarithmic)
{
    m_value = minimumLoss(model);
    // A zero floor (data on an exact line) says itself on a log axis by the curve diving out.
    const bool show = std::isfinite(m_value) && (m_value > 0 || !logarithmic);
    m_line->setVisible(show);
    m_label->setVisible(show);
    if (!show)
        return;
    m_line->point1->setCoords(0, m_value);
    m_line->point2->setCoords(1, m_value);
    m_label->position->setCoords(1.0, m_value);
    const Run* run = model.run();
    const QString name = run && run->isLogistic() ? tr("Newton's optimum") : tr("least squares");
    m_label->setText(tr("%1: %2").arg(name, QString::number(m_value, 'g', 4)));
}

void LeastSquaresFloor::applyStyle(const PlotStyle& style)
{
    m_line->setPen(QPen(ViewPalette::leastSquares(), style.scaled(1.5), Qt::DashLine));
    m_label->setFont(style.font(0.85));
    m_label->setColor(ViewPalette::leastSquares());
}

} // namespace gdlab
