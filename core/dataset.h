#pragma once

#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

/**
 * @brief A table of numbers with named columns, as read from a CSV file or a lesson.
 *
 * Only numeric columns are kept; the names of text columns that were skipped are remembered so that a
 * message can say why a column is missing.
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
};

} // namespace gdlab
