#include "input_error.h"

#include <utility>

namespace gdlab {

namespace {
std::string locate(const std::string& source, long line, long column, const std::string& detail)
{
    std::string text = source;
    if (line > 0)
        text += ":" + std::to_string(line);
    if (line > 0 && column > 0)
        text += ":" + std::to_string(column);
    return text.empty() ? detail : text + ": " + detail;
}
} // namespace

InputError::InputError(std::string source, long line, long column, std::string detail)
    : std::runtime_error(locate(source, line, column, detail))
    , m_source(std::move(source))
    , m_line(line)
    , m_column(column)
    , m_detail(std::move(detail))
{
}

InputError::InputError(std::string detail)
    : std::runtime_error(detail)
    , m_detail(std::move(detail))
{
}

} // namespace gdlab
