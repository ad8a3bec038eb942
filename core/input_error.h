#pragma once

#include <stdexcept>
#include <string>

namespace gdlab {

/**
 * @brief A problem with input a user supplied (a file, a column name, a flag value).
 *
 * what() reads "SOURCE:LINE:COLUMN: detail" (the location parts that are unknown are left out), so a CLI can
 * print it as one line and a dialog can show it as it is. Lines and columns count from 1.
 */
class InputError : public std::runtime_error {
public:
    InputError(std::string source, long line, long column, std::string detail);
    explicit InputError(std::string detail);

    const std::string& source() const { return m_source; }
    long line() const { return m_line; }
    long column() const { return m_column; }
    /** @brief The message without the location. */
    const std::string& detail() const { return m_detail; }

private:
    std::string m_source;
    long m_line = 0;
    long m_column = 0;
    std::string m_detail;
};

/** @brief Thrown by long operations (CSV reading, a descent) when their caller asked them to stop. */
class OperationCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

} // namespace gdlab
