#include "views/axis_label_fit.h"

#include <qcustomplot.h>

namespace gdlab {

namespace {

// The label the view set, and the one this fitted it to: a view that sets a new label replaces both.
const char* const kWholeLabel = "gdlabWholeLabel";
const char* const kFittedLabel = "gdlabFittedLabel";

} // namespace

AxisLabelFit::AxisLabelFit(QCustomPlot* plot)
    : QObject(plot)
    , m_plot(plot)
{
    connect(m_plot, &QCustomPlot::beforeReplot, this, &AxisLabelFit::adjust);
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { m_laidOut = m_plot->viewport().size(); });
}

QString AxisLabelFit::fitted(const QString& label, double length, const QFontMetricsF& metrics)
{
    // An axis not laid out yet says nothing of the room there will be.
    if (metrics.horizontalAdvance(label) <= length || length <= 0)
        return label;
    const qsizetype parenthesis = label.indexOf(QLatin1String(" ("));
    if (parenthesis > 0) // the name, even where it runs a little past: the axis must still say what it is
        return label.left(parenthesis);
    return metrics.elidedText(label, Qt::ElideRight, length);
}

void AxisLabelFit::adjust()
{
    for (QCPAxisRect* rect : m_plot->axisRects())
        for (QCPAxis* axis : rect->axes(QCPAxis::atLeft | QCPAxis::atRight))
            adjustAxis(axis);
    for (QCPLayoutElement* element : m_plot->plotLayout()->elements(true))
        if (auto* scale = qobject_cast<QCPColorScale*>(element))
            adjustAxis(scale->axis());
}

void AxisLabelFit::adjustAxis(QCPAxis* axis)
{
    if (!axis || !axis->visible() || axis->orientation() != Qt::Vertical)
        return;
    if (axis->label() != axis->property(kFittedLabel).toString())
        axis->setProperty(kWholeLabel, axis->label());
    const QString whole = axis->property(kWholeLabel).toString();
    if (whole.isEmpty())
        return;
    // The label is set before this replot's layout: the axis's height at the last layout, corrected by how much the
    // plot has grown or shrunk since (as TickDensity does), so that a resize needs no second replot.
    const int grown = m_laidOut.isValid() ? m_plot->viewport().height() - m_laidOut.height() : 0;
    const QString label = fitted(whole, axis->axisRect()->height() + grown, QFontMetricsF(axis->labelFont()));
    axis->setProperty(kFittedLabel, label);
    axis->setLabel(label);
}

} // namespace gdlab
