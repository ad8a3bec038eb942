#include "views/fit_threshold_layer.h"

#include "number_format.h"
#include "views/clipped_line_graph.h"

#include "views/fit_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>

namespace gdlab {

FitThresholdLayer::FitThresholdLayer(QCustomPlot* plot, QCPLayer* lineLayer, QCPLayer* markerLayer)
    : m_plot(plot)
    , m_threshold(addClippedLineGraph(plot))
    , m_decision(plot->addGraph())
    , m_label(new QCPItemText(plot))
{
    m_threshold->setLayer(lineLayer);
    m_threshold->setName(tr("p = 0.5 threshold"));
    m_decision->setLayer(markerLayer);
    m_decision->setLineStyle(QCPGraph::lsNone);
    m_decision->setName(tr("decision point (p = 0.5)"));
    m_label->setLayer(markerLayer);
    m_label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->setPadding(QMargins(4, 2, 4, 2));
    m_label->setVisible(false);
    // Where the label fits depends on pixel sizes, known only once the plot is laid out.
    m_relayout = QObject::connect(m_plot, &QCustomPlot::afterLayout, m_plot, [this] {
        if (m_label->visible())
            placeLabel(m_x, m_rising);
    });
}

FitThresholdLayer::~FitThresholdLayer()
{
    QObject::disconnect(m_relayout);
}

void FitThresholdLayer::update(bool shown, const std::optional<FitLines::Line>& line, double x0, double x1)
{
    m_threshold->setVisible(shown);
    if (shown)
        m_threshold->setData({ x0, x1 }, { 0.5, 0.5 }, true);
    else
        m_threshold->data()->clear();
    const double x = shown && line ? FitCurve::decisionPoint(*line) : std::nan("");
    const QCPRange range = m_plot->xAxis->range();
    const bool inRange = std::isfinite(x) && range.contains(x);
    m_decision->setVisible(shown);
    if (inRange)
        m_decision->setData({ x }, { 0.5 }, true);
    else
        m_decision->data()->clear();
    m_label->setVisible(inRange);
    if (!inRange)
        return;
    // The axis names the feature; the label stays short enough for a quarter of a small window.
    m_label->setText(tr("p = 0.5 at %1").arg(QString::fromStdString(formatForReading(x, SignificantDigits::label))));
    m_label->position->setCoords(x, 0.5);
    m_x = x;
    m_rising = line->slope > 0;
    placeLabel(m_x, m_rising);
}

void FitThresholdLayer::placeLabel(double x, bool rising)
{
    // Right of the point when the label fits there, else left of it; and on the side of the threshold the curve
    // leaves free there (below it right of a rising curve's crossing, above it to the left), so it covers neither.
    const QRect area = m_plot->axisRect()->rect();
    const double pixel = m_plot->xAxis->coordToPixel(x);
    const double width = QFontMetricsF(m_label->font()).horizontalAdvance(m_label->text()) + 12;
    const double roomRight = area.right() - pixel;
    const double roomLeft = pixel - area.left();
    const bool right = roomRight >= width || (roomLeft < width && roomRight >= roomLeft);
    const bool below = rising == right;
    m_label->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | (below ? Qt::AlignTop : Qt::AlignBottom));
}

void FitThresholdLayer::applyStyle(const PlotStyle& style)
{
    m_threshold->setPen(QPen(style.textAlpha(90), style.scaled(1.2), Qt::DotLine));
    const QPen ring(ViewPalette::current(), style.scaled(2.0));
    m_decision->setPen(ring);
    m_decision->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, ring, style.background(), style.scaled(12.0)));
    m_label->setFont(style.font(0.85));
    m_label->setColor(style.text());
    m_label->setBrush(style.backgroundAlpha(190));
}

} // namespace gdlab
