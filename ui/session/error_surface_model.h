#pragma once

#include "contour.h"
#include "error_surface.h"
#include "logistic_slice.h"
#include "run.h"
#include "slice_quadratic.h"
#include "surface_colour_scale.h"
#include "surface_frame.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <Eigen/Core>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gdlab {

class History;
class IterationModel;
class Problem;
struct Run;
struct SurfacePath;

/**
 * @brief The error surface both surface views show: the loss over two chosen parameters, its contour lines
 * and its range, computed once and shared by the contour map and the 3-D bowl.
 *
 * The range covers the optimum, the start and the path (as long as the path stays at loss levels no higher
 * than four times the start's, so a diverging run does not shrink the bowl to a dot). The other parameters
 * are held at the model's optimum (Run::optimum(): least squares, or Newton's for the logistic model) or at the
 * current iterate; with no optimum (separable data) always at the current iterate.
 *
 * For the logistic model the surface is the log loss (LogisticSlice, frameLogisticSurface()), a pass over the
 * rows per cell: its resolution is capped by the rows (logisticSurfaceSteps()).
 *
 * The surface is computed lazily: a change (new problem, settings, history) only marks it stale and posts one
 * surfaceChanged for the next turn of the event loop, so the three signals one settings change causes cost one
 * recomputation; any accessor brings it up to date first, whatever order the slots connected to runReset run in.
 * A view redraws its surface on runReset itself; revision() tells it whether a later surfaceChanged brings a
 * surface it has not drawn yet.
 *
 * The window's framing and colour scale are core's (frameSurface(), SurfaceColourScale); this class chooses the
 * slice and keeps the result.
 */
class ErrorSurfaceModel : public QObject {
    Q_OBJECT

public:
    enum class HoldMode { LeastSquares, CurrentIterate };
    Q_ENUM(HoldMode)

    explicit ErrorSurfaceModel(const IterationModel* model, QObject* parent = nullptr);

    const SurfaceGrid& grid() const;
    const std::vector<ContourLine>& contours() const;
    bool isValid() const { return !grid().values.empty(); }
    /** @brief Why there is no surface ("" when isValid()), a sentence for the views to show. */
    QString unavailableReason() const;
    /** @brief Whether the colours and contours use a log scale (the loss spans more than two decades). */
    bool isLogarithmic() const;

    int xParameter() const;
    int yParameter() const;
    /**
     * @brief The slice a new problem starts with: (θ0, θ1) for one feature, the first two coefficients
     * (θ1, θ2) with an intercept and more features, (θ1, θ2) = parameters 0 and 1 without an intercept.
     */
    std::pair<int, int> defaultParameters() const;
    /** @brief Chooses the two parameters of the slice (ignored when out of range or equal). */
    void setParameters(int xParameter, int yParameter);
    HoldMode holdMode() const { return m_holdMode; }
    void setHoldMode(HoldMode mode);
    /**
     * @brief Whether the frame follows the current θ: grown about its centre (frameHolding()) whenever the current
     * θ would leave it, so a diverging run stays in sight as it steps out; off, the frame holds the path up to
     * surfacePathLossFactor times the start's loss and an arrow at the edge points to θ beyond.
     */
    bool followsCurrent() const { return m_followCurrent; }
    void setFollowCurrent(bool on);
    /** @brief Samples per axis (default 160). */
    void setResolution(int steps);
    int resolution() const { return m_resolution; }

    /** @brief "intercept" / "slope"-style axis titles for the chosen parameters. */
    QString axisTitle(int parameter) const;
    /** @brief A sentence saying what the other parameters are held at ("" with two parameters). */
    QString sliceDescription() const;
    /** @brief The hold choice that keeps the others at the optimum: "others at least squares", "… at Newton's optimum".
     */
    QString holdAtOptimumText() const;
    /** @brief "loss (mse)" etc., "logloss" for the logistic model: the title of the loss axis and colour scale. */
    QString lossTitle() const;

    /** @brief The full parameter vector the slice passes through (other parameters at their held values). */
    Eigen::VectorXd basePoint() const;
    /** @brief theta's coordinates in the slice: (θ[xParameter], θ[yParameter]). */
    QPointF slicePoint(const Eigen::Ref<const Eigen::VectorXd>& theta) const;
    /**
     * @brief The loss at theta's projection onto the slice (its x and y, the others at the held values): the height
     * at which the surface views draw theta, so that what they draw lies on the surface they show. With two
     * parameters the slice is the whole loss and this is theta's loss. NaN without a surface.
     */
    double sliceLoss(const Eigen::Ref<const Eigen::VectorXd>& theta) const;
    /**
     * @brief The lowest loss on the slice (the optimum's loss when the slice passes through the optimum). For the log
     * loss through another point, the grid's lowest sample.
     */
    double sliceMinimumLoss() const;
    /** @brief The heights a 3-D view of the grid spans (surfaceHeights()); {0, 1} without a surface. */
    SurfaceHeights heights() const;

    /** @brief The loss range the colours span: the grid's, with a positive floor on a log scale. */
    double colourMin() const;
    double colourMax() const;
    /** @brief Where a loss falls on the colour scale, 0…1 (log or linear as isLogarithmic()). */
    double colourFraction(double loss) const;

    /**
     * @brief How many different surfaces were computed so far: while it stays the same, so does the surface (a
     * surfaceChanged that changed nothing, such as the one posted after a reset a view has drawn, keeps it).
     */
    int revision() const;

signals:
    void surfaceChanged();

private:
    /** What the surface is computed from: the same inputs give the same surface. */
    struct Inputs {
        std::shared_ptr<const Problem> problem; ///< held, so that a new problem at the same address is another
        LossKind loss = LossKind::Mse;
        bool logistic = false;
        SurfaceFrame frame;
        Eigen::VectorXd base;

        bool operator==(const Inputs& other) const;
    };

    void invalidate();
    void ensureComputed() const;
    void recompute() const;
    void computeGrid(const Problem& problem) const;
    void onCurrentRowChanged();
    const Problem* problem() const;
    /** Why the slice has no surface ("" when it has one). */
    QString whyUnavailable() const;
    /** The point the slice passes through: the optimum, or the current iterate in CurrentIterate mode or when the
     * model has no optimum. */
    Eigen::VectorXd heldBase() const;
    /** Whether the other parameters are held at the current iterate: asked to, or there is no optimum to hold. */
    bool holdsAtIterate() const;
    SurfacePath path() const;
    /** The path reading of the run's history, started afresh for another history. */
    PathRiseCache* pathRiseCache() const;
    Inputs inputs() const;

    const IterationModel* m_model;
    /** Brings the slice to the run the model shows now (the default slice for other parameters), whichever of
     * the slots connected to runReset runs first. */
    void syncSlice() const;

    mutable int m_xParameter = 0;
    mutable int m_yParameter = 1;
    mutable std::weak_ptr<const Run> m_sliceFor;
    mutable std::weak_ptr<const History> m_sliceHistory;
    mutable bool m_sliceSynced = false;
    HoldMode m_holdMode = HoldMode::LeastSquares;
    bool m_followCurrent = false;
    int m_resolution = 160;
    bool m_notifyPending = false;

    // The cache that ensureComputed() fills on demand.
    mutable bool m_dirty = true;
    mutable bool m_computed = false;
    mutable std::weak_ptr<const Run> m_computedFor;
    /** The frame's reading of the path so far: a run streaming in is read once, not again per notice. */
    mutable PathRiseCache m_pathRise;
    mutable std::weak_ptr<const History> m_pathRiseHistory;
    mutable Inputs m_computedInputs;
    mutable int m_revision = 0;
    mutable SurfaceGrid m_grid;
    mutable std::vector<ContourLine> m_contours;
    mutable SurfaceColourScale m_colours;
    mutable Eigen::VectorXd m_base;
    mutable std::optional<SliceQuadratic> m_slice;
    mutable std::optional<LogisticSlice> m_logisticSlice; ///< in place of m_slice for the logistic model
    mutable double m_lossWeight = 1.0;
    mutable QString m_unavailableReason;
};

} // namespace gdlab
