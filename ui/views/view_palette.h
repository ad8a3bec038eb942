#pragma once

#include <QColor>

namespace gdlab {

/** @brief The three sets of meaning colours: one for a light background, one for a dark one, one for projectors. */
enum class PaletteScheme { Light, Dark, HighContrast };

/**
 * @brief One colour per meaning, the same in every view: every colour the program draws with comes from here.
 *
 * Chosen from a colour-blind-safe set (Okabe–Ito). Each meaning has a colour per scheme, so that it keeps its hue
 * and its contrast on the theme's background: the light scheme's are checked on white, the dark scheme's are
 * lighter variants for a dark grey, and the high-contrast scheme's are saturated and far apart on black (text-like
 * colours at least 4.5:1, 7:1 in high contrast; marks at least 3:1; tst_view_palette computes them). The scheme
 * is the program's one theme (ThemeManager sets it before it changes the application's palette, so that views
 * restyling on the palette change read the new colours).
 */
namespace ViewPalette {
/** @brief The scheme the colours below are of; Light until a theme says otherwise. */
PaletteScheme scheme();
void setScheme(PaletteScheme scheme);

/** @brief The current fit, the current point and the descent path (vermilion). */
QColor current();
/** @brief Text in the current fit's colour: its labels (the current loss, the off-frame arrow's words). */
QColor currentText();
/** @brief The least-squares solution: dashed line, ★ on the surfaces (blue). */
QColor leastSquares();
/** @brief The data points. */
QColor data();
/** @brief Residual segments: the current fit's colour, translucent. */
QColor residual();
/** @brief Ghost lines and pinned runs: muted. */
QColor ghost();
/** @brief The negative-gradient arrow. */
QColor gradient();
/** @brief Good news as text: converged, the fastest rate (bluish green). */
QColor good();
/** @brief Warnings: divergence, a learning rate beyond the bound. */
QColor warning();
/** @brief A caution, milder than a warning: a learning rate at which the descent oscillates (amber). */
QColor caution();
/** @brief The logistic model's accuracy on the loss view (purple, apart from the runs' series colours). */
QColor accuracy();
/** @brief The outline that lifts a marker off the colour map (the current point, the ★). */
QColor outline();
/** @brief Contour lines: thin and light over the colour map. */
QColor contour();
/** @brief A logistic run's rows of class 0 (y = 0) and the side of the map where p < 0.5 (bluish green). */
QColor classZero();
/** @brief Rows of class 1 and the side where p > 0.5 (reddish purple): apart from class 0 in every common
 * colour-blindness, and from the current fit's vermilion and the optimum's blue. */
QColor classOne();
/** @brief How many series colours there are before they repeat. */
constexpr int seriesCount = 6;
/** @brief Extra runs (pinned runs, a learning-rate sweep) in order; distinct from the meanings above. */
QColor series(int index);
/** @brief How much wider than in the light scheme lines are drawn: the high-contrast scheme thickens them. */
double lineScale();
} // namespace ViewPalette

} // namespace gdlab
