#pragma once

#include "history.h"
#include "least_squares.h"
#include "logistic_fit.h"
#include "loss_function.h"
#include "problem.h"
#include "solver.h"
#include "stability.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gdlab {

class Dataset;

/** @brief Why a new run was made: each view decides from this what to rebuild, without comparing data. */
enum class RunCause {
    NewLesson, ///< a built-in lesson: data, columns and settings all new
    NewData, ///< another data set (a file the user opened)
    EditedPoints, ///< the same data set with points added, moved or removed (or such an edit undone)
    NewColumns, ///< the same data with other columns or intercept
    NewScaling, ///< the same data and columns, standardization switched: the same parameters in another space
    /** the same data and columns fitted by the other model (linear ↔ logistic): another loss surface, another fit
     * to draw, and pinned runs of the other model no longer compare */
    NewModel,
    NewSettings, ///< the same problem with other solver settings (learning rate, loss, method, iterations …)
    NewStart, ///< the same problem and settings but for the starting point
    NewGhosts, ///< the same run, other ghost iterations: no new history
};

/** @brief "new lesson", "new data", … for messages and tests. */
const char* runCauseName(RunCause cause);
/** @brief Whether the problem (data, columns, scaling) is another one than before: the surface, the pins and
 * the axis frames of the data no longer apply. */
bool changesProblem(RunCause cause);

/**
 * @brief Everything one descent is and produced: the data and problem, the settings as run, the closed form,
 * the learning-rate bounds, the history and how it ended, and why it was made.
 *
 * A Run is a value shared read-only (std::shared_ptr<const Run>) by the model, the views and the pinned runs:
 * nothing changes it once published. A run that streams in from a worker is published once its start is
 * known, with no outcome yet; its history grows (see History on threads), and the finished run is published
 * again with its outcome.
 */
struct Run {
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Problem> problem;
    SolverSettings settings; ///< as run (the learning rate resolved when a lesson asked for the optimal rate)
    LeastSquaresFit leastSquares; ///< of the linear model (computed for both, so that switching model is quick)
    /** @brief The logistic model's reference optimum, or why it has none; empty for the linear model. */
    std::optional<LogisticFit> logistic;
    StabilityBounds stability; ///< of the run's model (logisticStability() for the logistic one)
    std::vector<long long> ghostIterations; ///< iterations whose lines the fit view shows muted
    RunCause cause = RunCause::NewData;
    std::string lessonName; ///< the built-in lesson, or empty for the user's own data
    std::string title; ///< what the window title and the lesson chooser call it
    std::shared_ptr<const History> history;
    std::optional<RunResult> outcome; ///< empty while the history is still being computed

    bool isComplete() const { return outcome.has_value(); }
    bool isLogistic() const { return settings.model == ModelKind::Logistic; }
    /**
     * @brief The optimum the run's model descends to, in the descent space: the least-squares θ for the linear model,
     * Newton's for the logistic one; nullptr when the logistic model has none (separable data: logistic->message
     * says why). The views draw this as "the optimum", whatever the model.
     */
    const Eigen::VectorXd* optimum() const;
    /** @brief optimum() in the original units of the data; nullptr when there is none. */
    const Eigen::VectorXd* optimumOriginal() const;
    /**
     * @brief The full-data loss, RMSE (linear) or accuracy (logistic) and gradient at any θ in the descent space, for
     * the run's model, bit for bit as the solver evaluates it: O(k²) for the linear model, one pass over the rows for
     * the logistic one (which a caller evaluating many θ, a surface grid say, does better with one LogisticLoss).
     */
    LossEvaluation evaluate(const Eigen::VectorXd& theta) const;
    /** @brief evaluate() at row of the history: what the solver computed there. */
    LossEvaluation evaluateRow(std::size_t row) const;
    /**
     * @brief The gradient the update into row used: the sample's or batch's for SGD and mini-batch, the full
     * gradient at the row before for batch descent. Empty for row 0. Recomputed bit for bit unless the history
     * stored it (Solver::keepsStepGradients()).
     */
    Eigen::VectorXd stepGradient(std::size_t row) const;
};

/**
 * @brief Builds the problem, solves the closed form (and, for the logistic model, finds its optimum or that it has
 * none), computes the bounds and resolves the settings, without descending (history empty, no outcome). Throws
 * InputError for data or settings that cannot run; for the logistic model, a target value other than 0 and 1 is
 * named by its file, line and column (requireBinaryColumn()).
 * @param useOptimalRate replace settings.learningRate by stability.optimalRate (a lesson asks for it)
 */
Run prepareRun(std::shared_ptr<const Dataset> dataset, const ProblemSpec& spec, const SolverSettings& settings,
    bool useOptimalRate = false);

/**
 * @brief Like prepareRun() for a problem built from folded rows (no dataset: Run::dataset stays empty), as the
 * CLI reads a long file for batch descent.
 */
Run prepareFoldedRun(std::shared_ptr<const Problem> problem, const SolverSettings& settings);

/**
 * @brief The same problem with other settings (bounds recomputed only when the loss or the model changed, the logistic
 * optimum only when the model did). Switching to the logistic model checks the target as prepareRun() does.
 */
Run withSettings(const Run& previous, const SolverSettings& settings);

/** @brief Runs the descent of a prepared run into a new history and sets its outcome. */
void descend(Run& run);

/** @brief prepareRun() and descend() in one go: the path the CLI and the golden tests share. */
Run runDescent(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate = false);

} // namespace gdlab
