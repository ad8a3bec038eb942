#pragma once

#include <Eigen/Core>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gdlab {

class ProblemAccumulator;

/**
 * @brief A table of numbers with named columns, as read from a CSV file or a lesson.
 *
 * Only numeric columns are kept; the names of text columns that were skipped are remembered so that a
 * message can say why a column is missing.
 *
 * A file too long to keep is held as a sample (isSample()): values() are a few thousand of its rows, for drawing, and
 * fold() holds what every number needs of all of them (ProblemAccumulator of every column), so that a Problem of
 * any columns is built from the fold and never from the sample.
 */
class Dataset {
public:
    Dataset() = default;
    Dataset(std::vector<std::string> columnNames, Eigen::MatrixXd values, std::string source = {},
        std::vector<std::string> skippedColumns = {});

    /** @brief Rows x columns, one column per name in columnNames(). */
    const Eigen::MatrixXd& values() const { return m_values; }
    const std::vector<std::string>& columnNames() const { return m_columnNames; }
    const std::vector<std::string>& skippedColumns() const { return m_skippedColumns; }
    /** @brief Where the data came from (a file path or a lesson name), used in messages. */
    const std::string& source() const { return m_source; }

    Eigen::Index rowCount() const { return m_values.rows(); }
    Eigen::Index columnCount() const { return m_values.cols(); }
    bool isEmpty() const { return m_values.size() == 0; }

    /** @brief Makes this a sample of a longer file whose every row fold holds (an accumulator of every column). */
    void setFold(std::shared_ptr<const ProblemAccumulator> fold) { m_fold = std::move(fold); }
    /** @brief The rows of the whole file folded; null when values() are all the rows. */
    const std::shared_ptr<const ProblemAccumulator>& fold() const { return m_fold; }
    /** @brief Whether values() are only a sample of the rows (the numbers then come from fold()). */
    bool isSample() const { return m_fold != nullptr; }
    /** @brief The rows of the data: of the whole file for a sample, else rowCount(). */
    Eigen::Index fullRowCount() const;

    /**
     * @brief Finds a column by its name, or else by its 1-based position ("2" is the second column).
     * @return the 0-based column index, or nothing when no column matches.
     */
    std::optional<Eigen::Index> findColumn(std::string_view nameOrPosition) const;

    /** @brief Like findColumn(), but throws InputError naming the column and listing the available ones. */
    Eigen::Index requireColumn(std::string_view nameOrPosition) const;

private:
    std::vector<std::string> m_columnNames;
    Eigen::MatrixXd m_values;
    std::string m_source;
    std::vector<std::string> m_skippedColumns;
    std::shared_ptr<const ProblemAccumulator> m_fold;
};

} // namespace gdlab
