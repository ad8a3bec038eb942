#include "row_sample.h"

#include <algorithm>

namespace gdlab {

RowSample::RowSample(Eigen::Index columns, Eigen::Index uniform, Eigen::Index tail, std::uint64_t seed)
    : m_columns(columns)
    , m_uniform(std::max<Eigen::Index>(uniform, 0))
    , m_tail(std::max<Eigen::Index>(tail, 0))
    , m_state(seed)
{
    for (Eigen::Index c = 0; c < columns; ++c) {
        m_lowest.emplace_back(TailOrder { c, true });
        m_highest.emplace_back(TailOrder { c, false });
    }
    m_reservoir.reserve(static_cast<std::size_t>(m_uniform));
}

// The heap's top is its worst row: the highest of the lowest values, the lowest of the highest.
bool RowSample::TailOrder::operator()(const Kept& a, const Kept& b) const
{
    const double x = a.values[column];
    const double y = b.values[column];
    if (x != y)
        return keepsLowest ? x < y : x > y;
    return a.position < b.position;
}

// SplitMix64: written out rather than a standard distribution, whose results differ between standard libraries, so
// that a seed names the same sample everywhere.
std::uint64_t RowSample::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void RowSample::offerToTail(
    Tail& tail, Eigen::Index column, bool lowest, const Eigen::MatrixXd& rows, Eigen::Index first)
{
    // Column by column down its contiguous values: a row is looked at only when it beats the worst one kept, which
    // after the first few thousand rows is rare.
    const double* values = rows.col(column).data();
    double worst = tail.empty() ? 0.0 : tail.top().values[column];
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        const double value = values[r];
        // Not better than the worst kept: an equal value came later, so the earlier row stays.
        if (static_cast<Eigen::Index>(tail.size()) >= m_tail && (lowest ? !(value < worst) : !(value > worst)))
            continue;
        if (static_cast<Eigen::Index>(tail.size()) >= m_tail)
            tail.pop();
        tail.push(Kept { first + r, rows.row(r).transpose() });
        worst = tail.top().values[column];
    }
}

void RowSample::add(const Eigen::MatrixXd& rows)
{
    if (m_tail > 0) {
        for (Eigen::Index c = 0; c < m_columns; ++c) {
            offerToTail(m_lowest[static_cast<std::size_t>(c)], c, true, rows, m_seen);
            offerToTail(m_highest[static_cast<std::size_t>(c)], c, false, rows, m_seen);
        }
    }
    for (Eigen::Index r = 0; r < rows.rows(); ++r, ++m_seen) {
        if (static_cast<Eigen::Index>(m_reservoir.size()) < m_uniform) {
            m_reservoir.push_back(Kept { m_seen, rows.row(r).transpose() });
        } else if (m_uniform > 0) {
            // Row i replaces a kept one with probability uniform / (i + 1); the modulo's bias is below 2⁻⁴⁰ here.
            const auto slot = static_cast<Eigen::Index>(next() % static_cast<std::uint64_t>(m_seen + 1));
            if (slot < m_uniform)
                m_reservoir[static_cast<std::size_t>(slot)] = Kept { m_seen, rows.row(r).transpose() };
        }
    }
}

std::vector<RowSample::Kept> RowSample::collect() const
{
    std::vector<Kept> kept = m_reservoir;
    // A priority_queue hides its container: a copy of each tail (a few rows) is emptied instead.
    for (const std::vector<Tail>* side : { &m_lowest, &m_highest })
        for (Tail tail : *side)
            for (; !tail.empty(); tail.pop())
                kept.push_back(tail.top());
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.position < b.position; });
    kept.erase(
        std::unique(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.position == b.position; }),
        kept.end());
    return kept;
}

Eigen::MatrixXd RowSample::rows() const
{
    const std::vector<Kept> kept = collect();
    Eigen::MatrixXd result(static_cast<Eigen::Index>(kept.size()), m_columns);
    for (std::size_t i = 0; i < kept.size(); ++i)
        result.row(static_cast<Eigen::Index>(i)) = kept[i].values.transpose();
    return result;
}

std::vector<Eigen::Index> RowSample::positions() const
{
    std::vector<Eigen::Index> result;
    for (const Kept& row : collect())
        result.push_back(row.position);
    return result;
}

} // namespace gdlab
