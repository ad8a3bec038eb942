#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

namespace gdlab {

/**
 * @brief A seeded, reproducible sample of a few thousand rows out of any number, taken as the rows stream past in
 * blocks, for a plot that cannot show them all.
 *
 * Stratified so that the extremes show: for every column the rows with its `tail` lowest and `tail` highest values
 * are always kept (whichever column becomes the target or a feature, its range is drawn whole), and the rest is a
 * uniform reservoir (Algorithm R) of `uniform` rows drawn with a fixed generator from `seed`. The same rows in the
 * same order and the same seed give the same sample. Memory is O(uniform + columns · tail) rows, whatever n is.
 */
class RowSample {
public:
    static constexpr std::uint64_t defaultSeed = 20240601;

    RowSample(Eigen::Index columns, Eigen::Index uniform, Eigen::Index tail, std::uint64_t seed = defaultSeed);

    /** @brief Offers a block of rows (one column per column), in file order. */
    void add(const Eigen::MatrixXd& rows);

    /** @brief The rows offered so far. */
    Eigen::Index seen() const { return m_seen; }
    /** @brief The sampled rows in file order, each once (all the rows offered when there were few enough). */
    Eigen::MatrixXd rows() const;
    /** @brief The 0-based positions in the stream of the rows of rows(), ascending. */
    std::vector<Eigen::Index> positions() const;

private:
    /** A kept row: its position in the stream and its values. */
    struct Kept {
        Eigen::Index position = 0;
        Eigen::VectorXd values;
    };
    /** Orders a tail's heap so that its top is the row to drop first (ties broken by position, for determinism). */
    struct TailOrder {
        Eigen::Index column = 0;
        bool keepsLowest = true;
        bool operator()(const Kept& a, const Kept& b) const;
    };
    using Tail = std::priority_queue<Kept, std::vector<Kept>, TailOrder>;

    /** Offers a block's rows, the first at stream position first, to one tail. */
    void offerToTail(Tail& tail, Eigen::Index column, bool lowest, const Eigen::MatrixXd& rows, Eigen::Index first);
    std::uint64_t next();
    std::vector<Kept> collect() const;

    Eigen::Index m_columns;
    Eigen::Index m_uniform;
    Eigen::Index m_tail;
    std::uint64_t m_state;
    Eigen::Index m_seen = 0;
    std::vector<Kept> m_reservoir;
    std::vector<Tail> m_lowest;
    std::vector<Tail> m_highest;
};

} // namespace gdlab
