#pragma once

#include <QObject>
#include <Qt>

class QCustomPlot;

namespace gdlab {

/**
 * @brief Moves a plot's legend out of the plot into a row of its own below it, and back. In presentation mode the
 * legend's text is half as large again, and inside the axis rect it would cover the data the back row looks at.
 *
 * Outside, the entries run in as many columns as the plot's width holds (ContourLegend::columnsThatFit); inside,
 * the legend goes back to the corner it had.
 */
class LegendRow : public QObject {
    Q_OBJECT

public:
    explicit LegendRow(QCustomPlot* plot, QObject* parent = nullptr);

    void setOutside(bool outside);
    bool isOutside() const;

private:
    void wrap();

    QCustomPlot* m_plot;
    Qt::Alignment m_corner = Qt::AlignTop | Qt::AlignRight;
};

} // namespace gdlab
