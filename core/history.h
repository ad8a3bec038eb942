#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <vector>

namespace gdlab {

/**
 * @brief The per-iteration record of one descent, stored by column: θ as one p × rows matrix (one column per
 * state), and loss, RMSE (or, for the logistic model, accuracy), gradient norm and epoch as arrays.
 *
 * Row r is the state after firstIteration() + r updates; a history that is not streamed to a file starts at
 * iteration 0, the starting point. Storing columns rather than a vector of structs keeps a million states of
 * ten parameters in about 120 MB, lets a plot read the loss as one array, and makes appending a state a few
 * stores with no allocation once reserve() has been called.
 *
 * The full-data gradient is not stored (it is O(k²) to recompute at any θ from the sufficient statistics and
 * would double the memory). Nor, usually, is the gradient an SGD or mini-batch update used: Run::stepGradient()
 * recomputes it from θ and the rows the update took; a history keeps it only when replaying the sample order would be
 * slow (Solver::keepsStepGradients()).
 *
 * Threads: a single writer appends; once it has reserved the capacity it will fill (so no append reallocates),
 * readers on other threads may read the rows below a count the writer has published to them, through the row
 * accessors only. size() and the column vectors belong to the writer while it writes.
 */
class History {
public:
    History() = default;
    /**
     * @param keepsStepGradients store the gradient each update used (SGD, mini-batch)
     * @param keepsAccuracy store the accuracy of each state in place of the RMSE (the logistic model)
     */
    History(Eigen::Index parameterCount, bool keepsStepGradients, bool keepsAccuracy = false);

    /** @brief Makes room for rows states in every column, so that appending them never reallocates. */
    void reserve(std::size_t rows);

    Eigen::Index parameterCount() const { return m_parameters; }
    bool keepsStepGradients() const { return m_keepsStepGradients; }
    /** @brief Whether the states carry an accuracy (logistic): their RMSE is then NaN. */
    bool keepsAccuracy() const { return m_keepsAccuracy; }
    std::size_t size() const { return m_loss.size(); }
    bool empty() const { return m_loss.empty(); }
    /** @brief The iteration of row 0 (0 unless earlier rows were dropped by retainLast()). */
    long long firstIteration() const { return m_firstIteration; }

    long long iteration(std::size_t row) const { return m_firstIteration + static_cast<long long>(row); }
    long long epoch(std::size_t row) const { return m_epoch[row]; }
    double loss(std::size_t row) const { return m_loss[row]; }
    double rmse(std::size_t row) const { return m_rmse[row]; }
    double gradientNorm(std::size_t row) const { return m_gradientNorm[row]; }
    /** @brief The share of rows classified right at row (logistic); NaN when the history keeps no accuracy. */
    double accuracy(std::size_t row) const
    {
        return m_keepsAccuracy ? m_accuracy[row] : std::numeric_limits<double>::quiet_NaN();
    }
    /** @brief θ at row, in the space the descent runs in (scaled when standardized). */
    Eigen::Map<const Eigen::VectorXd> theta(std::size_t row) const
    {
        return Eigen::Map<const Eigen::VectorXd>(m_theta.data() + row * columnStride(), m_parameters);
    }
    /** @brief Every θ, one column per row: a p × size() matrix. */
    Eigen::Map<const Eigen::MatrixXd> thetas() const
    {
        return Eigen::Map<const Eigen::MatrixXd>(m_theta.data(), m_parameters, static_cast<Eigen::Index>(size()));
    }
    /**
     * @brief The gradient the update into row used (a sample's or a batch's); empty when the history does not
     * keep them, zeros for the first row.
     */
    Eigen::Map<const Eigen::VectorXd> stepGradient(std::size_t row) const;

    /** @brief The loss column, for plots that read it whole. */
    const double* lossData() const { return m_loss.data(); }
    const double* rmseData() const { return m_rmse.data(); }
    const double* gradientNormData() const { return m_gradientNorm.data(); }
    /** @brief The accuracy column (null when the history keeps none). */
    const double* accuracyData() const { return m_keepsAccuracy ? m_accuracy.data() : nullptr; }

    /** @brief The row whose iteration is iteration, clamped to the rows there are; 0 when empty. */
    std::size_t rowForIteration(long long iteration) const;

    /**
     * @brief Appends one state. theta has parameterCount() values; stepGradient too when the history keeps
     * them (it may be null for the first row, which then stores zeros).
     */
    void append(long long epoch, const double* theta, double loss, double rmse, double gradientNorm,
        const double* stepGradient = nullptr)
    {
        // Inline: the solver's inner loop appends millions of rows a second.
        m_theta.insert(m_theta.end(), theta, theta + m_parameters);
        if (m_keepsStepGradients)
            appendStepGradient(stepGradient);
        m_loss.push_back(loss);
        m_rmse.push_back(rmse);
        m_gradientNorm.push_back(gradientNorm);
        m_epoch.push_back(epoch);
    }
    /**
     * @brief Appends one state of a model that has an accuracy instead of an RMSE (the history keeps accuracies);
     * its RMSE is NaN.
     */
    void appendClassified(long long epoch, const double* theta, double loss, double accuracy, double gradientNorm,
        const double* stepGradient = nullptr)
    {
        append(epoch, theta, loss, std::numeric_limits<double>::quiet_NaN(), gradientNorm, stepGradient);
        m_accuracy.push_back(accuracy);
    }
    /** @brief The bytes the columns hold (their capacity), for the memory figures of the benchmarks. */
    std::size_t memoryBytes() const;
    /** @brief Drops every row but the last (a history streamed to a file keeps O(k) in memory). */
    void retainLast();
    /**
     * @brief For an empty history: its first row will be the state after iteration updates (a run that keeps
     * only its last state).
     */
    void startAt(long long iteration);

private:
    void appendStepGradient(const double* stepGradient);
    std::size_t columnStride() const { return static_cast<std::size_t>(m_parameters); }

    Eigen::Index m_parameters = 0;
    bool m_keepsStepGradients = false;
    bool m_keepsAccuracy = false;
    long long m_firstIteration = 0;
    std::vector<double> m_theta; ///< column-major p × rows
    std::vector<double> m_stepGradient; ///< column-major p × rows when kept
    std::vector<double> m_loss;
    std::vector<double> m_rmse;
    std::vector<double> m_gradientNorm;
    std::vector<long long> m_epoch;
    std::vector<double> m_accuracy; ///< when kept
};

} // namespace gdlab
