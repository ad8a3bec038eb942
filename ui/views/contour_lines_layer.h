#pragma once

#include "contour.h"

#include <QObject>

#include <vector>

class QCPCurve;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/** @brief The contour lines over the colour map: thin, light, on the plot's "contours" layer, not in the legend. */
class ContourLinesLayer : public QObject {
    Q_OBJECT

public:
    explicit ContourLinesLayer(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief One curve per line, in the order drawn. */
    const std::vector<QCPCurve*>& curves() const { return m_curves; }

    /** @brief Replaces the lines drawn by these. */
    void draw(const std::vector<ContourLine>& lines);
    void clear();
    void applyStyle(const PlotStyle& style);

private:
    QCustomPlot* m_plot;
    std::vector<QCPCurve*> m_curves;
    double m_width;
};

} // namespace gdlab
