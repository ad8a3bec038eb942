#pragma once

#include "views/view_palette.h"

#include <QPalette>

namespace gdlab {

/**
 * @brief The application palettes of the explicit themes (light, dark, high contrast), drawn with the Fusion style
 * so that every widget honours them, and which meaning colours (ViewPalette's scheme) go with a palette.
 *
 * The plots are painted on the palette's Base and the bowl on its Window; the meaning colours are checked against
 * both (tst_theme_palette).
 */
class ThemePalette {
public:
    /** @brief The palette of the theme whose meaning colours are scheme. */
    static QPalette palette(PaletteScheme scheme);
    /** @brief The meaning colours for palette: dark ones on a dark Base (a desktop's own dark palette), else light. */
    static PaletteScheme schemeFor(const QPalette& palette);

private:
    static QPalette light();
    static QPalette dark();
    static QPalette highContrast();
};

} // namespace gdlab
