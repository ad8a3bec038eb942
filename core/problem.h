#pragma once

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace gdlab {

class Dataset;
class ProblemAccumulator;

/** @brief Which columns of a Dataset make the regression, and how. */
struct ProblemSpec {
    Eigen::Index target = -1; ///< 0-based column index; -1 = the last column
    std::vector<Eigen::Index> features; ///< 0-based column indices in order; empty = every other column
    bool intercept = true;
    /**
     * @brief z-score every feature (with an intercept; without one, features are only divided by their root
     * mean square, since centring would change the model).
     */
    bool standardize = false;

    bool operator==(const ProblemSpec& other) const;
};

/** @brief What a problem built from folded rows (ProblemAccumulator) keeps of them in place of the rows. */
struct FoldedRows {
    /** @brief R of [X y] in the descent space, (p+1) × (p+1) upper triangular: [X y]ᵀ[X y] = RᵀR. */
    Eigen::MatrixXd triangle;
    std::vector<char> constant; ///< per parameter: whether every value of its column is the same
    std::vector<Eigen::Index> duplicateOf; ///< per parameter: the first parameter with the same column, or -1
    bool targetVaries = false; ///< not all equal (with an intercept) or not all zero (without)
    double totalNorm = 0; ///< ‖y − ȳ‖ with an intercept, ‖y‖ without
    /** @brief [X y]ᵀ[X y] in the descent space, every product and sum in long double (refines the closed form). */
    Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> cross;
    /**
     * @brief θ in the descent space from a second pass over the rows in double-double (ProblemAccumulator::
     * exactSolution), taken by the closed form in place of R's on data too ill-conditioned to refine; else empty.
     */
    Eigen::VectorXd exactTheta;
};

/**
 * @brief A regression ready for descent: the design matrix, the target and their sufficient statistics.
 *
 * Parameters are θ = (θ0, θ1, …, θk) with θ0 the intercept (absent without one). When standardized, the
 * design matrix holds the scaled features and θ lives in that scaled space; toOriginalUnits() maps it back.
 * Holding G = XᵀX, c = Xᵀy and yᵀy makes a batch gradient and the loss O(k²) whatever n is. The least-squares
 * solution θ* is computed once here (rank-revealing QR, or on many well-conditioned rows the normal equations refined
 * against the rows, SemiNormalLeastSquares; never by inverting G), because the sum of squares is
 * evaluated as (θ−θ*)ᵀG(θ−θ*) + SSE(θ*): the same value as θᵀGθ − 2cᵀθ + yᵀy but without its cancellation
 * near the optimum.
 */
class Problem {
public:
    /**
     * @brief Builds the problem; throws InputError for an unknown column, a target among the features,
     * no feature and no intercept, fewer rows than parameters, or a constant feature to standardize.
     */
    Problem(const Dataset& dataset, const ProblemSpec& spec);
    /**
     * @brief Builds the problem from rows folded into their statistics, keeping no row: design() and target()
     * are empty, folded() holds what the closed form needs. Throws InputError as the other constructor does.
     */
    explicit Problem(const ProblemAccumulator& rows);

    /** @brief The spec with its columns resolved (target, features); throws InputError for a bad column. */
    static ProblemSpec resolveColumns(const Dataset& dataset, const ProblemSpec& spec);

    const ProblemSpec& spec() const { return m_spec; }
    Eigen::Index sampleCount() const { return m_sampleCount; }
    Eigen::Index parameterCount() const { return m_parameterCount; }
    /** @brief Whether design() and target() hold the rows (not so for a problem built from folded rows). */
    bool keepsRows() const { return !m_folded; }
    /** @brief Of a problem built from folded rows; null when the rows are kept. */
    const FoldedRows* folded() const { return m_folded ? &*m_folded : nullptr; }
    bool hasIntercept() const { return m_spec.intercept; }
    bool isStandardized() const { return m_spec.standardize; }

    /** @brief n x p design matrix in the descent space (first column all ones with an intercept). */
    const Eigen::MatrixXd& design() const { return m_design; }
    const Eigen::VectorXd& target() const { return m_target; }
    const Eigen::MatrixXd& gram() const { return m_gram; } ///< G = XᵀX
    const Eigen::VectorXd& moment() const { return m_moment; } ///< c = Xᵀy
    double targetSquaredNorm() const { return m_targetSquaredNorm; } ///< yᵀy

    /** @brief A least-squares solution in the descent space (the minimum-norm one when rank deficient). */
    const Eigen::VectorXd& leastSquaresTheta() const { return m_leastSquaresTheta; }
    /** @brief Σ r² at leastSquaresTheta(), evaluated directly from the residuals. */
    double minimumSumOfSquares() const { return m_minimumSumOfSquares; }
    Eigen::Index rank() const { return m_rank; }

    /** @brief Σ r² at theta from the sufficient statistics, O(k²). */
    double sumOfSquares(const Eigen::VectorXd& theta) const;
    /** @brief Xᵀr = Gθ − c at theta, O(k²). */
    Eigen::VectorXd normalResidual(const Eigen::VectorXd& theta) const;

    /** @brief "intercept" and the feature column names, in parameter order. */
    const std::vector<std::string>& parameterNames() const { return m_parameterNames; }
    /** @brief Short symbols θ0, θ1, … (θ1… when there is no intercept, as in the tutorials). */
    const std::vector<std::string>& parameterSymbols() const { return m_parameterSymbols; }
    const std::string& targetName() const { return m_targetName; }
    /** @brief Column indices of the features in the dataset, in parameter order (intercept excluded). */
    const std::vector<Eigen::Index>& featureColumns() const { return m_spec.features; }

    /** @brief Feature means and scales used by standardization (0 and 1 when not standardized). */
    const Eigen::VectorXd& featureMeans() const { return m_featureMeans; }
    const Eigen::VectorXd& featureScales() const { return m_featureScales; }

    /** @brief Maps θ from the descent space to the original units of the data (identity when unscaled). */
    Eigen::VectorXd toOriginalUnits(const Eigen::VectorXd& theta) const;
    /** @brief The inverse of toOriginalUnits(). */
    Eigen::VectorXd fromOriginalUnits(const Eigen::VectorXd& theta) const;

private:
    void nameParameters(const std::vector<std::string>& columnNames);
    void foldStandardized(const ProblemAccumulator& rows, Eigen::MatrixXd& triangle,
        Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>& cross);
    void solveFolded();
    void solveRows();

    ProblemSpec m_spec;
    Eigen::Index m_sampleCount = 0;
    Eigen::Index m_parameterCount = 0;
    std::optional<FoldedRows> m_folded;
    Eigen::MatrixXd m_design;
    Eigen::VectorXd m_target;
    Eigen::MatrixXd m_gram;
    Eigen::VectorXd m_moment;
    double m_targetSquaredNorm = 0;
    Eigen::VectorXd m_leastSquaresTheta;
    double m_minimumSumOfSquares = 0;
    Eigen::Index m_rank = 0;
    std::vector<std::string> m_parameterNames;
    std::vector<std::string> m_parameterSymbols;
    std::string m_targetName;
    Eigen::VectorXd m_featureMeans;
    Eigen::VectorXd m_featureScales;
};

} // namespace gdlab
