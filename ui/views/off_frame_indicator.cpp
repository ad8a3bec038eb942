#include "views/off_frame_indicator.h"

#include "views/cosmetic_pen.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

// In fractions of the view from its centre: the arrow's head stops this far inside the edge, its tail this much
// further in.
constexpr double headAt = 0.46;
constexpr double tailAt = 0.30;

bool inside(const QCPRange& range, double value)
{
    return range.lower <= value && value <= range.upper;
}

} // namespace

OffFrameIndicator::OffFrameIndicator(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_arrow(new QCPItemLine(plot))
    , m_label(new QCPItemText(plot))
{
    for (QCPAbstractItem* item : { static_cast<QCPAbstractItem*>(m_arrow), static_cast<QCPAbstractItem*>(m_label) }) {
        item->setLayer(QStringLiteral("arrow"));
        item->setClipToAxisRect(true);
        item->setVisible(false);
    }
    m_label->setPadding(QMargins(4, 2, 4, 2));
}

QString OffFrameIndicator::text(const QPointF& target)
{
    return tr("current θ off the map:\n(%1, %2)")
        .arg(QString::number(target.x(), 'g', 3), QString::number(target.y(), 'g', 3));
}

void OffFrameIndicator::pointAt(const QPointF& target)
{
    pointAt(target, text(target));
}

void OffFrameIndicator::pointAt(const QPointF& target, const QString& label)
{
    const QCPRange xRange = m_plot->xAxis->range();
    const QCPRange yRange = m_plot->yAxis->range();
    const bool finite = std::isfinite(target.x()) && std::isfinite(target.y());
    if (!finite || (inside(xRange, target.x()) && inside(yRange, target.y())) || !(xRange.size() > 0)
        || !(yRange.size() > 0)) {
        clear();
        return;
    }
    // The direction in view-normalised units (each axis's span is 1), scaled so that its larger component reaches
    // the given fraction: the arrow then ends the same distance inside whichever edge it points at.
    const double u = (target.x() - xRange.center()) / xRange.size();
    const double v = (target.y() - yRange.center()) / yRange.size();
    const double reach = std::max(std::abs(u), std::abs(v));
    const auto at = [&](double fraction) {
        return QPointF(xRange.center() + u / reach * fraction * xRange.size(),
            yRange.center() + v / reach * fraction * yRange.size());
    };
    m_arrow->start->setCoords(at(tailAt));
    m_arrow->end->setCoords(at(headAt));
    // The label sits at the tail, on the side away from the edge, so that it never leaves the plot.
    m_label->position->setCoords(at(tailAt));
    Qt::Alignment alignment = u >= 0 ? Qt::AlignRight : Qt::AlignLeft;
    alignment |= v >= 0 ? Qt::AlignTop : Qt::AlignBottom;
    m_label->setPositionAlignment(alignment);
    m_label->setText(label);
    m_arrow->setVisible(true);
    m_label->setVisible(true);
}

void OffFrameIndicator::pointAtLine(double intercept, double slope)
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const double left = intercept + slope * x.lower;
    const double right = intercept + slope * x.upper;
    if (!(std::min(left, right) > y.upper || std::max(left, right) < y.lower)) {
        clear();
        return;
    }
    const QString sign = slope < 0 ? QStringLiteral("−") : QStringLiteral("+");
    pointAt(QPointF(x.center(), intercept + slope * x.center()),
        tr("current fit off the frame:\nŷ = %1 %2 %3·x")
            .arg(QString::number(intercept, 'g', 3), sign, QString::number(std::abs(slope), 'g', 3)));
}

void OffFrameIndicator::clear()
{
    m_arrow->setVisible(false);
    m_label->setVisible(false);
}

bool OffFrameIndicator::isShown() const
{
    return m_arrow->visible();
}

void OffFrameIndicator::applyStyle(const PlotStyle& style)
{
    const QPen pen = cosmeticPen(ViewPalette::current(), style.scaled(2.5));
    m_arrow->setPen(pen);
    m_arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 6 * pen.widthF(), 7 * pen.widthF()));
    m_label->setFont(style.font(0.85));
    m_label->setColor(ViewPalette::currentText()); // the marker's colour, as text
    m_label->setBrush(style.backgroundAlpha(210));
}

} // namespace gdlab
