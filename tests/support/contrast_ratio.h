#pragma once

#include <QColor>

#include <algorithm>
#include <cmath>

namespace gdlab::test {

/** @brief WCAG 2 relative luminance of an sRGB colour. */
inline double luminance(const QColor& colour)
{
    const auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
}

/** @brief WCAG 2 contrast ratio of two colours, 1 to 21, computed here rather than copied from a table. */
inline double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace gdlab::test
