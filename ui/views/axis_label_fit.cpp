#include "views/axis_label_fit.h"

#include <qcustomplot.h>

namespace gdlab {

namespace {

// The label the view set, and the one this fitted it to: a view that sets a new label replaces both.
const char* const kWholeLabel = "gdlabWholeLabel";
const char* const kFittedLabel = "gdlabFittedLabel";

} // namespace

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

void AxisLabelFit::apply(QCPAxis* axis, double length)
{
    if (axis->label() != axis->property(kFittedLabel).toString())
        axis->setProperty(kWholeLabel, axis->label());
    const QString whole = axis->property(kWholeLabel).toString();
    if (whole.isEmpty())
        return;
    const QString label = fitted(whole, length, QFontMetricsF(axis->labelFont()));
    axis->setProperty(kFittedLabel, label);
    axis->setLabel(label);
}

} // namespace gdlab
