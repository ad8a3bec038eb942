#pragma once

#include <Eigen/Core>

#include <memory>
#include <optional>
#include <vector>

namespace gdlab {

class Dataset;
class Problem;

/**
 * @brief The fit view's mathematics in the original units of the data: θ (descent space) as the line of one
 * feature with the other features held at their means, the predictions ŷ for every row, and the residuals.
 *
 * A standardized problem descends in scaled space, but a class should see the line through its own numbers; so
 * the data is copied here once per problem in original units, and every θ is mapped back before use.
 */
class FitLines {
public:
    /** @brief y = intercept + slope·x. */
    struct Line {
        double intercept = 0;
        double slope = 0;
        double at(double x) const { return intercept + slope * x; }
    };

    /** @brief No data: every question answers "none". */
    FitLines() = default;
    /** @brief The problem's features and target, read from dataset (which the problem was built from). */
    FitLines(std::shared_ptr<const Problem> problem, const Dataset& dataset);

    /** @brief Above this many rows, the lines hold a sample of them to draw (RowSample): a scatter, not a mass. */
    static constexpr Eigen::Index maxDrawnRows = 20'000;

    /** @brief The rows held, to draw: all of the dataset's, or a sample of them (isThinned()). */
    Eigen::Index rowCount() const { return m_target.size(); }
    /** @brief Whether rowCount() is a sample of a dataset of more than maxDrawnRows rows that holds them all. */
    bool isThinned() const { return !m_drawnRows.empty(); }
    /** @brief The held row of a dataset row, or -1 when the lines do not hold it. */
    Eigen::Index heldIndexOf(Eigen::Index datasetRow) const;
    Eigen::Index featureCount() const { return m_features.cols(); }
    bool isEmpty() const { return rowCount() == 0; }
    /** @brief rows × features, in parameter order. */
    const Eigen::MatrixXd& features() const { return m_features; }
    const Eigen::VectorXd& target() const { return m_target; }
    const Eigen::VectorXd& featureMeans() const { return m_featureMeans; }

    /** @brief Whether theta has one finite value per parameter of the problem. */
    bool accepts(const Eigen::VectorXd& theta) const;
    /**
     * @brief The line of feature (0-based, intercept excluded) at theta, the other features at their means: the
     * slice of the fitted plane through the data's centre. Without features, the flat line at the intercept.
     */
    std::optional<Line> line(const Eigen::VectorXd& theta, Eigen::Index feature) const;
    /**
     * @brief The line of a partial-residual plot of feature at theta: intercept + θ_feature·x. Against
     * partialResiduals() it passes through the points as closely as the whole fit does (vertical distances are
     * the residuals), and at the least-squares θ it is the least-squares line through them.
     */
    std::optional<Line> partialLine(const Eigen::VectorXd& theta, Eigen::Index feature) const;
    /** @brief y − Σ_{j≠feature} θⱼxⱼ for every row at theta: the target less the other features' terms. */
    std::optional<Eigen::VectorXd> partialResiduals(const Eigen::VectorXd& theta, Eigen::Index feature) const;
    /** @brief ŷ for every row at theta. */
    std::optional<Eigen::VectorXd> predictions(const Eigen::VectorXd& theta) const;
    /** @brief ŷ − y for every row at theta. */
    std::optional<Eigen::VectorXd> residuals(const Eigen::VectorXd& theta) const;

private:
    /** @brief θ in original units as the intercept (0 without one) and one weight per feature. */
    bool originalCoefficients(const Eigen::VectorXd& theta, double& intercept, Eigen::VectorXd& weights) const;
    // The line of feature at theta; the other features held at their means (line) or left out (partialLine).
    std::optional<Line> lineOf(const Eigen::VectorXd& theta, Eigen::Index feature, bool othersAtTheirMeans) const;

    std::shared_ptr<const Problem> m_problem;
    Eigen::MatrixXd m_features;
    Eigen::VectorXd m_target;
    Eigen::VectorXd m_featureMeans;
    std::vector<Eigen::Index> m_drawnRows; ///< the dataset rows held, ascending, when thinned; else empty
};

} // namespace gdlab
