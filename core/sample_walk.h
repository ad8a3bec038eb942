#pragma once

#include "solver_settings.h"

#include <Eigen/Core>

#include <algorithm>
#include <random>
#include <vector>

namespace gdlab {

/**
 * @brief The rows that each update of SGD or mini-batch descent takes, in the order the descent takes them.
 *
 * An epoch visits every row once, in file order or, with shuffle, in an order shuffled anew (from the previous
 * epoch's) at each epoch's start by the run's shuffling stream (StochasticDescent::shuffleSeed()). It is cut into
 * batches of batchSize rows from the top (1 for SGD), the last one taking what is left. The descents walk it
 * forward; a replay that walks it again from the same settings meets the same rows in the same order, which is what
 * lets a step's gradient be recomputed bit for bit instead of stored.
 */
class SampleWalk {
public:
    /**
     * @brief The replay cost (row moves) below which a step's rows and gradient are recomputed on demand (a few
     * milliseconds) rather than stored: above it a history keeps each update's gradient.
     */
    static constexpr long long cheapReplayCost = 1'000'000;

    /** @brief At the first update of a run with settings over rows rows (rows > 0). */
    SampleWalk(const SolverSettings& settings, Eigen::Index rows);

    /** @brief The order of the current epoch: the update's rows are order()[first(), first() + count()). */
    const std::vector<Eigen::Index>& order() const { return m_order; }
    Eigen::Index first() const { return m_first; }
    Eigen::Index count() const { return std::min(m_batchSize, rows() - m_first); }
    /** @brief The epochs completed before the current update. */
    long long epoch() const { return m_epoch; }

    /** @brief On to the next update, reshuffling when an epoch ends. Allocates nothing. */
    void advance()
    {
        m_first += count();
        if (m_first >= rows()) {
            m_first = 0;
            ++m_epoch;
            if (m_shuffle)
                std::shuffle(m_order.begin(), m_order.end(), m_shuffler);
        }
    }
    /** @brief Moves updates updates on: one shuffle per epoch crossed, nothing per update. */
    void skip(long long updates);

    /** @brief The updates of one epoch: rows / batch size, rounded up. */
    long long updatesPerEpoch() const;
    /**
     * @brief How many row moves replaying a run of iterations updates costs (rows for each epoch's shuffle; 0
     * without shuffling): what recomputing a late step's rows costs.
     */
    static long long replayCost(const SolverSettings& settings, Eigen::Index rows, long long iterations);

private:
    Eigen::Index rows() const { return static_cast<Eigen::Index>(m_order.size()); }

    std::vector<Eigen::Index> m_order;
    std::mt19937_64 m_shuffler;
    Eigen::Index m_batchSize = 1;
    Eigen::Index m_first = 0;
    long long m_epoch = 0;
    bool m_shuffle = false;
};

} // namespace gdlab
