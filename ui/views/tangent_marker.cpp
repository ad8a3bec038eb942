#include "views/tangent_marker.h"

#include "loss_along_parameter.h"
#include "views/cosmetic_pen.h"
#include "views/off_frame_indicator.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double ballSize = 13;
constexpr double tangentWidth = 2.2;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

} // namespace

TangentMarker::TangentMarker(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_ball(plot->addGraph())
    , m_tangent(new QCPItemLine(plot))
    , m_label(new QCPItemText(plot))
    , m_offFrame(new OffFrameIndicator(plot, this))
    , m_slope(nan)
{
    m_ball->setName(tr("current θ"));
    m_ball->setLineStyle(QCPGraph::lsNone);
    m_tangent->setClipToAxisRect(true);
    m_label->setClipToAxisRect(true);
    m_label->setPadding(QMargins(3, 1, 3, 1));
    clear();
}

void TangentMarker::clear()
{
    m_ball->data()->clear();
    m_tangent->setVisible(false);
    m_label->setVisible(false);
    m_offFrame->clear();
    m_slope = nan;
}

void TangentMarker::show(const LossAlongParameter& line, double value, const QString& symbol)
{
    const double loss = line.loss(value);
    if (!std::isfinite(value) || !std::isfinite(loss)) {
        clear();
        return;
    }
    m_slope = line.slope(value);
    m_ball->setData(QVector<double> { value }, QVector<double> { loss });
    const double half = halfWidthFraction * m_plot->xAxis->range().size();
    m_tangent->start->setCoords(value - half, loss - m_slope * half);
    m_tangent->end->setCoords(value + half, loss + m_slope * half);
    m_tangent->setVisible(std::isfinite(m_slope));
    m_label->setText(tr("slope ∂L/∂%1 = %2").arg(symbol, QString::number(m_slope, 'g', 4)));
    placeLabel(value, loss);
    m_offFrame->pointAt(QPointF(value, loss));
}

void TangentMarker::placeLabel(double value, double loss)
{
    // Above the ball, on the side the tangent falls away to, so the label never sits on the line it names; a
    // fraction of the view away (not pixels), so a resize keeps it in place.
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const bool left = m_slope > 0 ? value > x.lower + 0.35 * x.size() : value > x.upper - 0.35 * x.size();
    m_label->position->setCoords(value + (left ? -0.03 : 0.03) * x.size(), loss + 0.06 * y.size());
    m_label->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
    m_label->setVisible(m_tangent->visible() && x.contains(value));
}

void TangentMarker::applyStyle(const PlotStyle& style)
{
    const QColor current = ViewPalette::current();
    m_ball->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, cosmeticPen(ViewPalette::outline(), 1.5), current, style.scaled(ballSize)));
    m_tangent->setPen(cosmeticPen(ViewPalette::gradient(), style.scaled(tangentWidth)));
    m_label->setFont(style.font(0.9));
    m_label->setColor(ViewPalette::gradient());
    m_label->setBrush(style.backgroundAlpha(200));
    m_offFrame->applyStyle(style);
}

} // namespace gdlab
