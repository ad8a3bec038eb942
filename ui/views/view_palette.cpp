#include "views/view_palette.h"

#include <array>

namespace gdlab::ViewPalette {

namespace {

/** The colours of one scheme, in the order of the functions that read them. */
struct Colours {
    QColor current;
    QColor currentText;
    QColor leastSquares;
    QColor data;
    int residualAlpha;
    QColor ghost;
    QColor gradient;
    QColor good;
    QColor warning;
    QColor caution;
    QColor accuracy;
    QColor outline;
    QColor contour;
    QColor classZero;
    QColor classOne;
    std::array<QColor, seriesCount> series;
    double lineScale;
};

// On white: Okabe–Ito, darkened where the colour is text (vermilion's text, green, amber) or where a series colour
// would fall below 3:1 on white (orange, sky blue).
const Colours light {
    QColor(0xD5, 0x5E, 0x00),
    QColor(0xB2, 0x50, 0x00),
    QColor(0x00, 0x72, 0xB2),
    QColor(0x33, 0x33, 0x33),
    110,
    QColor(0x88, 0x88, 0x88),
    QColor(0xCC, 0x00, 0x66),
    QColor(0x00, 0x7A, 0x5A),
    QColor(0xC0, 0x1C, 0x28),
    QColor(0x8A, 0x58, 0x00),
    QColor(0x5E, 0x3C, 0x99),
    QColor(0xFF, 0xFF, 0xFF),
    QColor(255, 255, 255, 140),
    QColor(0x00, 0x9E, 0x73),
    QColor(0xCC, 0x79, 0xA7),
    { QColor(0x00, 0x9E, 0x73), QColor(0xB0, 0x7A, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x2B, 0x8C, 0xC4),
        QColor(0x6A, 0x3D, 0x9A), QColor(0x8C, 0x56, 0x4B) },
    1.0,
};

// On a dark grey: the same hues, lighter, so that each keeps its meaning and reads as text. The markers' outline
// is black: the lighter fills stand off the map's dark end by themselves, and black lifts them off its light end.
const Colours dark {
    QColor(0xFF, 0x8A, 0x3D),
    QColor(0xFF, 0x9A, 0x52),
    QColor(0x56, 0xB4, 0xE9),
    QColor(0xD0, 0xD0, 0xD0),
    140,
    QColor(0x9A, 0x9A, 0x9A),
    QColor(0xFF, 0x5C, 0xA8),
    QColor(0x3D, 0xD6, 0xA0),
    QColor(0xFF, 0x6B, 0x6B),
    QColor(0xF0, 0xB4, 0x00),
    QColor(0xB7, 0x9C, 0xFF),
    QColor(0x00, 0x00, 0x00),
    QColor(255, 255, 255, 150),
    QColor(0x2F, 0xD1, 0xA0),
    QColor(0xE5, 0x9C, 0xC6),
    { QColor(0x2F, 0xD1, 0xA0), QColor(0xF5, 0xB7, 0x31), QColor(0xE5, 0x9C, 0xC6), QColor(0x7C, 0xC8, 0xF2),
        QColor(0xA9, 0x8B, 0xDB), QColor(0xC0, 0x8A, 0x7E) },
    1.0,
};

// On black, for a projector that washes colours out: saturated, far apart, every text colour at 7:1 or more,
// lines a third thicker.
const Colours highContrast {
    QColor(0xFF, 0x99, 0x33),
    QColor(0xFF, 0x99, 0x33),
    QColor(0x33, 0xCC, 0xFF),
    QColor(0xFF, 0xFF, 0xFF),
    190,
    QColor(0xC0, 0xC0, 0xC0),
    QColor(0xFF, 0x55, 0xFF),
    QColor(0x00, 0xFF, 0x7F),
    QColor(0xFF, 0x7A, 0x7A),
    QColor(0xFF, 0xD4, 0x00),
    QColor(0xD7, 0xA6, 0xFF),
    QColor(0x00, 0x00, 0x00),
    QColor(255, 255, 255, 220),
    QColor(0x00, 0xE5, 0xA0),
    QColor(0xFF, 0x8F, 0xD8),
    { QColor(0x00, 0xE5, 0xA0), QColor(0xFF, 0xE1, 0x4D), QColor(0xFF, 0x8F, 0xD8), QColor(0xB0, 0xFF, 0x40),
        QColor(0xC8, 0xA2, 0xFF), QColor(0xE0, 0xA0, 0x80) },
    1.35,
};

PaletteScheme currentScheme = PaletteScheme::Light;

const Colours& colours()
{
    switch (currentScheme) {
    case PaletteScheme::Dark:
        return dark;
    case PaletteScheme::HighContrast:
        return highContrast;
    case PaletteScheme::Light:
        break;
    }
    return light;
}

} // namespace

PaletteScheme scheme()
{
    return currentScheme;
}

void setScheme(PaletteScheme scheme)
{
    currentScheme = scheme;
}

QColor current()
{
    return colours().current;
}

QColor currentText()
{
    return colours().currentText;
}

QColor leastSquares()
{
    return colours().leastSquares;
}

QColor data()
{
    return colours().data;
}

QColor residual()
{
    QColor colour = colours().current;
    colour.setAlpha(colours().residualAlpha);
    return colour;
}

QColor ghost()
{
    return colours().ghost;
}

QColor gradient()
{
    return colours().gradient;
}

QColor good()
{
    return colours().good;
}

QColor warning()
{
    return colours().warning;
}

QColor caution()
{
    return colours().caution;
}

QColor accuracy()
{
    return colours().accuracy;
}

QColor outline()
{
    return colours().outline;
}

QColor contour()
{
    return colours().contour;
}

QColor classZero()
{
    return colours().classZero;
}

QColor classOne()
{
    return colours().classOne;
}

QColor series(int index)
{
    return colours().series[static_cast<std::size_t>((index % seriesCount + seriesCount) % seriesCount)];
}

double lineScale()
{
    return colours().lineScale;
}

} // namespace gdlab::ViewPalette
