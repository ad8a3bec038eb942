#pragma once

#include "views/fit_ghost_layer.h"

#include <QCoreApplication>

#include <vector>

class QCPLayer;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class IterationModel;

/**
 * @brief Which ghost lines the fit view draws and what the legend calls them: the lines at the run's ghost
 * iterations the history has reached, on a FitGhostLayer, named for where they are from the cursor ("earlier
 * fits" only for lines before it: at iteration 0 the lines after 10, 100 and 1000 steps are "later fits").
 */
class FitGhosts {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitGhosts)

public:
    FitGhosts(QCustomPlot* plot, QCPLayer* layer);

    const FitGhostLayer& layer() const { return m_layer; }
    FitGhostLayer& layer() { return m_layer; }
    /** @brief The ghost iterations drawn, ascending. */
    const std::vector<long long>& iterations() const { return m_iterations; }

    /** @brief The run's ghost iterations within its history, ascending, each once. */
    static std::vector<long long> reached(const IterationModel& model);
    /** @brief Whether update() would draw other lines than those drawn (a streaming run reached another). */
    bool isOutdated(const IterationModel& model, bool drawsLines) const;
    /** @brief Redraws the lines (none unless drawsLines) from x0 to x1, labelled at labelX. */
    void update(const IterationModel& model, const FitPoints& points, bool drawsLines, double labelX);
    /** @brief Names the legend's entry for the cursor at current (an iteration). */
    void follow(long long current);

    /** @brief "earlier fits", "later fits" or "earlier and later fits" for lines at iterations seen from current. */
    static QString legendName(const std::vector<long long>& iterations, long long current);
    /** @brief "after 1 step", "after 100 steps". */
    static QString label(long long iteration);

private:
    FitGhostLayer m_layer;
    std::vector<long long> m_iterations;
};

} // namespace gdlab
