#pragma once

#include <QCoreApplication>

#include <vector>

class QCPAbstractPlottable;

namespace gdlab {

class FitClassMap;
class FitDataLayer;
class FitGhostLayer;
class FitLineLayer;
class FitPoints;
class FitPredictionLayer;
class FitSampleRing;
class FitThresholdLayer;

/**
 * @brief What the fit view shows and its legend lists for the points' arrangement: against a feature the data, the
 * current fit, the optimum (least squares, or a logistic run's Newton optimum, when there is one and it is asked
 * for), the ghosts and, for a logistic curve, the 0.5 threshold and decision point; by actual value the identity
 * and the optimum's predictions; on a logistic map of the classes the classes, boundaries and shading. It shows and
 * hides the pieces, names those whose name depends on the model, and returns the entries in the legend's order.
 */
class FitLegendEntries {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitLegendEntries)

public:
    /** @brief The view's pieces (all owned by the view). */
    struct Parts {
        FitDataLayer* data = nullptr;
        FitLineLayer* current = nullptr;
        FitLineLayer* optimum = nullptr;
        FitPredictionLayer* predictions = nullptr;
        const FitGhostLayer* ghosts = nullptr;
        FitThresholdLayer* threshold = nullptr;
        FitClassMap* classMap = nullptr;
        FitSampleRing* sample = nullptr;
    };
    /** @brief What to show besides the arrangement. */
    struct Options {
        bool byFeature = true; ///< the view's mode is against a feature (not by actual value)
        bool showOptimum = true; ///< the user wants the optimum drawn
        bool hasOptimum = true; ///< the run's model has one (a separable logistic run has none)
        bool samples = false; ///< the run samples rows (SGD, mini-batch): the rings get an entry
    };

    static std::vector<QCPAbstractPlottable*> arrange(const Parts& parts, const FitPoints& points, Options options);
};

} // namespace gdlab
