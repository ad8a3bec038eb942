#include "views/fit_sample_note.h"

#include "dataset.h"
#include "fit_lines.h"
#include "run.h"
#include "session/core_text.h"
#include "session/iteration_model.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

namespace gdlab {

FitSampleNote::FitSampleNote(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_label(new QCPItemText(plot))
{
    // On the legend's layer, above the points it annotates; placed in the axis rect's own coordinates, so that
    // zooming and new ranges leave it in its corner.
    m_label->setLayer(QStringLiteral("legend"));
    m_label->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_label->position->setCoords(1.0, 0.0);
    m_label->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
    m_label->setPadding(QMargins(4, 2, 4, 2));
    m_label->setClipToAxisRect(true);
    m_label->setVisible(false);
}

QString FitSampleNote::textFor(const IterationModel& model, const FitLines& lines)
{
    const Run* run = model.run();
    if (!run || !run->dataset)
        return {};
    if (lines.isThinned())
        return CoreText::shownRows(lines.rowCount(), run->dataset->rowCount());
    return CoreText::sampleNote(*run->dataset);
}

void FitSampleNote::show(const QString& text)
{
    m_label->setText(text);
    m_label->setVisible(!text.isEmpty());
}

void FitSampleNote::applyStyle(const PlotStyle& style)
{
    m_label->setFont(style.font(0.85));
    m_label->setColor(style.text());
    m_label->setBrush(style.backgroundAlpha(210));
}

} // namespace gdlab
