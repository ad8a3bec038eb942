#include "views/fit_legend_entries.h"

#include "views/fit_class_map.h"
#include "views/fit_data_layer.h"
#include "views/fit_ghost_layer.h"
#include "views/fit_line_layer.h"
#include "views/fit_points.h"
#include "views/fit_prediction_layer.h"
#include "views/fit_sample_ring.h"
#include "views/fit_threshold_layer.h"

#include <qcustomplot.h>

namespace gdlab {

std::vector<QCPAbstractPlottable*> FitLegendEntries::arrange(
    const Parts& parts, const FitPoints& points, Options options)
{
    const bool classMap = points.isClassMap();
    const bool byFeature = options.byFeature && !classMap;
    const bool byValue = !options.byFeature;
    const bool optimum = options.showOptimum && options.hasOptimum;
    parts.data->points()->setVisible(!classMap);
    parts.current->graph()->setVisible(byFeature);
    parts.optimum->graph()->setVisible(byFeature && options.showOptimum);
    parts.predictions->identity()->setVisible(byValue);
    parts.predictions->leastSquares()->setVisible(byValue && options.showOptimum);
    const QString best = points.isLogistic() ? tr("optimum (Newton)") : tr("least squares");
    parts.optimum->graph()->setName(best);
    parts.predictions->leastSquares()->setName(best);
    if (byFeature)
        parts.data->points()->setName(points.isSigmoid() ? tr("data (moved apart a little)") : tr("data"));

    std::vector<QCPAbstractPlottable*> entries { parts.data->points() };
    if (classMap) {
        entries = parts.classMap->legendEntries(optimum);
    } else if (byFeature) {
        entries.push_back(parts.current->graph());
        if (optimum)
            entries.push_back(parts.optimum->graph());
        // One entry stands for every ghost: each line carries its own label.
        if (!parts.ghosts->isEmpty())
            entries.push_back(parts.ghosts->graphs().front());
        if (points.isSigmoid())
            entries.insert(entries.end(), { parts.threshold->threshold(), parts.threshold->decision() });
    } else {
        entries.push_back(parts.predictions->identity());
        if (optimum)
            entries.push_back(parts.predictions->leastSquares());
    }
    if (options.samples)
        entries.push_back(parts.sample->graph());
    return entries;
}

} // namespace gdlab
