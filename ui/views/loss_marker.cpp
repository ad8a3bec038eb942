#include "views/loss_marker.h"

#include "session/iteration_model.h"
#include "views/label_placement.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

constexpr double labelOffset = 8;

} // namespace

LossMarker::LossMarker(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_line(new QCPItemStraightLine(plot))
    , m_tracer(new QCPItemTracer(plot))
    , m_label(new QCPItemText(plot))
    , m_offset(labelOffset)
{
    // The line spans the axis rect whatever the loss scale: x in iterations, y as a fraction of the rect.
    m_line->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_line->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_line->point1->setCoords(0, 0);
    m_line->point2->setCoords(0, 1);
    m_tracer->setInterpolating(false);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_label->position->setType(QCPItemPosition::ptAbsolute);
    m_label->position->setParentAnchor(m_tracer->position);
    m_label->setPadding(QMargins(3, 1, 3, 1));
}

double LossMarker::iteration() const
{
    return m_line->point1->key();
}

void LossMarker::setVisible(bool visible)
{
    m_line->setVisible(visible);
    m_tracer->setVisible(visible);
    m_label->setVisible(visible);
}

void LossMarker::update(const IterationModel& model, QCPGraph* curve, bool logarithmic)
{
    const bool available = !model.isEmpty() && !curve->data()->isEmpty();
    setVisible(available);
    if (!available)
        return;
    const int row = model.currentRow();
    const double k = static_cast<double>(model.iteration(row));
    m_line->point1->setCoords(k, 0);
    m_line->point2->setCoords(k, 1);
    // Placed at the row's own loss, not looked up on the curve: a long curve is drawn in columns (LossCurve),
    // whose points need not include this row.
    m_tracer->position->setCoords(k, LossCurve::plotted(model.loss(row), logarithmic));
    m_label->setText(tr("k = %1, loss = %2").arg(model.iteration(row)).arg(QString::number(model.loss(row), 'g', 4)));
    placeLabel(k, LossCurve::plotted(model.loss(row), logarithmic), logarithmic);
}

void LossMarker::placeLabel(double iteration, double plottedLoss, bool logarithmic)
{
    const bool rightHalf = iteration > m_plot->xAxis->range().center();
    // Decided in axis coordinates rather than pixels, which are not known before the first layout.
    const QCPRange yRange = m_plot->yAxis->range();
    const double fraction = logarithmic && plottedLoss > 0 && yRange.lower > 0
        ? std::log(plottedLoss / yRange.lower) / std::log(yRange.upper / yRange.lower)
        : (plottedLoss - yRange.lower) / yRange.size();
    const bool upperHalf = fraction > 0.5;
    m_label->setPositionAlignment(
        (rightHalf ? Qt::AlignRight : Qt::AlignLeft) | (upperHalf ? Qt::AlignTop : Qt::AlignBottom));
    m_label->position->setCoords(rightHalf ? -m_offset : m_offset, upperHalf ? m_offset : -m_offset);
}

void LossMarker::avoid(const QCPItemText* other)
{
    m_other = other;
    connect(m_plot, &QCustomPlot::afterLayout, this, &LossMarker::avoidOther);
}

void LossMarker::avoidOther()
{
    // What the label must keep off: the floor's label and, with pinned or raced runs, the legend over the plot.
    std::vector<QRectF> taken;
    if (m_other && m_other->visible())
        taken.emplace_back(m_other->topLeft->pixelPosition(), m_other->bottomRight->pixelPosition());
    const QCPLegend* legend = m_plot->legend;
    if (legend && legend->visible() && legend->layer() && legend->outerRect().intersects(m_plot->axisRect()->rect()))
        taken.push_back(legend->outerRect());
    if (taken.empty() || !m_label->visible())
        return;
    const QPointF dot = m_tracer->position->pixelPosition();
    const QFontMetricsF metrics(m_label->font());
    const QMargins padding = m_label->padding();
    const QSizeF size(metrics.horizontalAdvance(m_label->text()) + padding.left() + padding.right() + 2,
        metrics.height() + padding.top() + padding.bottom());
    // The four corners around the dot, the preferred one first; then, where a small plot leaves none of them
    // free, the same sides moved up or down just clear of the other label (the dashed line still marks k).
    struct Place {
        Qt::Alignment side;
        QPointF offset;
    };
    const Qt::Alignment preferred = m_label->positionAlignment();
    std::vector<Place> places;
    for (const bool shifted : { false, true })
        for (const Qt::Alignment h : { Qt::AlignRight, Qt::AlignLeft })
            for (const Qt::Alignment v : { Qt::AlignTop, Qt::AlignBottom }) {
                const Qt::Alignment side = h | v;
                const double x = h == Qt::AlignRight ? -m_offset : m_offset;
                double y = v == Qt::AlignTop ? m_offset : -m_offset;
                if (shifted)
                    y = v == Qt::AlignTop ? taken.front().bottom() + 2 - dot.y() : taken.front().top() - 2 - dot.y();
                places.push_back({ side, QPointF(x, y) });
            }
    std::stable_partition(
        places.begin(), places.begin() + 4, [preferred](const Place& place) { return place.side == preferred; });
    std::vector<QRectF> candidates;
    for (const Place& place : places) {
        const QPointF anchor = dot + place.offset;
        const double left = place.side & Qt::AlignRight ? anchor.x() - size.width() : anchor.x();
        const double top = place.side & Qt::AlignTop ? anchor.y() : anchor.y() - size.height();
        candidates.emplace_back(QPointF(left, top), size);
    }
    const int chosen = LabelPlacement::choose(candidates, taken, m_plot->axisRect()->rect());
    if (chosen <= 0)
        return;
    const Place& place = places[std::size_t(chosen)];
    m_label->setPositionAlignment(place.side);
    m_label->position->setCoords(place.offset.x(), place.offset.y());
}

void LossMarker::applyStyle(const PlotStyle& style)
{
    QColor line = ViewPalette::current();
    line.setAlpha(170);
    m_line->setPen(QPen(line, style.scaled(1.5), Qt::DashLine));
    m_tracer->setPen(QPen(style.background(), style.scaled(1.5)));
    m_tracer->setBrush(ViewPalette::current());
    m_tracer->setSize(style.scaled(11));
    m_label->setFont(style.font(0.9));
    m_label->setColor(ViewPalette::currentText());
    m_label->setBrush(style.backgroundAlpha(200));
    m_offset = style.scaled(labelOffset);
}

} // namespace gdlab
