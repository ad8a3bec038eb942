#pragma once

#include <QColor>

namespace gdlab {

/**
 * @brief One colour per meaning, the same in every view: every colour the program draws with comes from here.
 *
 * Chosen from a colour-blind-safe set (Okabe–Ito) and checked on white and on the viridis map.
 */
namespace ViewPalette {
/** @brief The current fit, the current point and the descent path. */
inline QColor current()
{
    return QColor(0xD5, 0x5E, 0x00);
} // vermilion
/** @brief The least-squares solution: dashed line, ★ on the surfaces. */
inline QColor leastSquares()
{
    return QColor(0x00, 0x72, 0xB2);
} // blue
/** @brief The data points. */
inline QColor data()
{
    return QColor(0x33, 0x33, 0x33);
}
/** @brief Residual segments. */
inline QColor residual()
{
    return QColor(0xD5, 0x5E, 0x00, 110);
}
/** @brief Ghost lines and pinned runs: muted. */
inline QColor ghost()
{
    return QColor(0x88, 0x88, 0x88);
}
/** @brief The negative-gradient arrow. */
inline QColor gradient()
{
    return QColor(0xCC, 0x00, 0x66);
}
/** @brief Good news as text: converged, the fastest rate (a darker Okabe–Ito bluish green, readable on white). */
inline QColor good()
{
    return QColor(0x00, 0x7A, 0x5A);
}
/** @brief Warnings: divergence, a learning rate beyond the bound. */
inline QColor warning()
{
    return QColor(0xC0, 0x1C, 0x28);
}
/** @brief A caution, milder than a warning: a learning rate at which the descent oscillates (a dark amber). */
inline QColor caution()
{
    return QColor(0x9A, 0x62, 0x00);
}
/** @brief The logistic model's accuracy on the loss view (a dark purple, apart from the runs' series colours). */
inline QColor accuracy()
{
    return QColor(0x5E, 0x3C, 0x99);
}
/** @brief The outline that lifts a marker off the colour map (the current point, the ★). */
inline QColor outline()
{
    return QColor(0xFF, 0xFF, 0xFF);
}
/** @brief Contour lines: thin and light over the colour map. */
inline QColor contour()
{
    return QColor(255, 255, 255, 140);
}
/** @brief A logistic run's rows of class 0 (y = 0) and the side of the map where p < 0.5 (Okabe–Ito bluish green). */
inline QColor classZero()
{
    return QColor(0x00, 0x9E, 0x73);
}
/** @brief Rows of class 1 and the side where p > 0.5 (Okabe–Ito reddish purple): apart from class 0 in every
 * common colour-blindness, and from the current fit's vermilion and the optimum's blue. */
inline QColor classOne()
{
    return QColor(0xCC, 0x79, 0xA7);
}
/** @brief Extra runs (pinned runs, a learning-rate sweep) in order; distinct from the meanings above. */
inline QColor series(int index)
{
    static const QColor colours[] = { QColor(0x00, 0x9E, 0x73), QColor(0xE6, 0x9F, 0x00), QColor(0xCC, 0x79, 0xA7),
        QColor(0x56, 0xB4, 0xE9), QColor(0x6A, 0x3D, 0x9A), QColor(0x8C, 0x56, 0x4B) };
    return colours[(index % 6 + 6) % 6];
}
} // namespace ViewPalette

} // namespace gdlab
