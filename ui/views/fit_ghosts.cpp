#include "views/fit_ghosts.h"

#include "run.h"

#include "session/iteration_model.h"
#include "views/fit_points.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

FitGhosts::FitGhosts(QCustomPlot* plot, QCPLayer* layer)
    : m_layer(plot, layer, tr("earlier fits"))
{
}

std::vector<long long> FitGhosts::reached(const IterationModel& model)
{
    if (!model.run() || model.isEmpty())
        return {};
    std::vector<long long> iterations = model.run()->ghostIterations;
    std::sort(iterations.begin(), iterations.end());
    iterations.erase(std::unique(iterations.begin(), iterations.end()), iterations.end());
    const long long last = model.iteration(model.lastRow());
    iterations.erase(std::remove_if(iterations.begin(), iterations.end(),
                         [last](long long iteration) { return iteration < 0 || iteration > last; }),
        iterations.end());
    return iterations;
}

bool FitGhosts::isOutdated(const IterationModel& model, bool drawsLines) const
{
    return (drawsLines ? reached(model) : std::vector<long long>()) != m_iterations;
}

void FitGhosts::update(const IterationModel& model, const FitPoints& points, bool drawsLines, double labelX)
{
    m_iterations = drawsLines ? reached(model) : std::vector<long long>();
    std::vector<FitGhostLayer::Ghost> ghosts;
    for (long long iteration : m_iterations) {
        const auto line = points.line(model.theta(model.rowForIteration(iteration)));
        if (line)
            ghosts.push_back({ *line, label(iteration) });
    }
    m_layer.setGhosts(ghosts, points.lineStart(), points.lineEnd(), labelX, points.isSigmoid());
    if (!model.isEmpty())
        follow(model.iteration(model.currentRow()));
}

void FitGhosts::follow(long long current)
{
    m_layer.setLegendName(legendName(m_iterations, current));
}

QString FitGhosts::legendName(const std::vector<long long>& iterations, long long current)
{
    const bool later
        = std::any_of(iterations.begin(), iterations.end(), [current](long long k) { return k > current; });
    const bool earlier
        = std::any_of(iterations.begin(), iterations.end(), [current](long long k) { return k <= current; });
    if (later && earlier)
        return tr("earlier and later fits");
    return later ? tr("later fits") : tr("earlier fits");
}

QString FitGhosts::label(long long iteration)
{
    return iteration == 1 ? tr("after 1 step") : tr("after %1 steps").arg(iteration);
}

} // namespace gdlab
