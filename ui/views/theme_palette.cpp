#include "views/theme_palette.h"

namespace gdlab {

namespace {

/** The roles a theme sets for every colour group; the disabled group then greys the texts. */
struct Roles {
    QColor window;
    QColor text;
    QColor base;
    QColor alternateBase;
    QColor button;
    QColor light;
    QColor mid;
    QColor dark;
    QColor highlight;
    QColor highlightedText;
    QColor placeholder;
    QColor link;
    QColor disabledText;
};

QPalette fromRoles(const Roles& roles)
{
    QPalette palette(roles.button, roles.window);
    palette.setColor(QPalette::WindowText, roles.text);
    palette.setColor(QPalette::Text, roles.text);
    palette.setColor(QPalette::ButtonText, roles.text);
    palette.setColor(QPalette::BrightText, roles.text);
    palette.setColor(QPalette::Base, roles.base);
    palette.setColor(QPalette::AlternateBase, roles.alternateBase);
    palette.setColor(QPalette::ToolTipBase, roles.window);
    palette.setColor(QPalette::ToolTipText, roles.text);
    palette.setColor(QPalette::Light, roles.light);
    palette.setColor(QPalette::Midlight, roles.light);
    palette.setColor(QPalette::Mid, roles.mid);
    palette.setColor(QPalette::Dark, roles.dark);
    palette.setColor(QPalette::Shadow, roles.dark);
    palette.setColor(QPalette::Highlight, roles.highlight);
    palette.setColor(QPalette::HighlightedText, roles.highlightedText);
    palette.setColor(QPalette::PlaceholderText, roles.placeholder);
    palette.setColor(QPalette::Link, roles.link);
    palette.setColor(QPalette::LinkVisited, roles.link);
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, roles.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Base, roles.window);
    return palette;
}

} // namespace

QPalette ThemePalette::palette(PaletteScheme scheme)
{
    switch (scheme) {
    case PaletteScheme::Dark:
        return dark();
    case PaletteScheme::HighContrast:
        return highContrast();
    case PaletteScheme::Light:
        break;
    }
    return light();
}

PaletteScheme ThemePalette::schemeFor(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? PaletteScheme::Dark : PaletteScheme::Light;
}

QPalette ThemePalette::light()
{
    return fromRoles({ QColor(0xEF, 0xEF, 0xEF), QColor(0x11, 0x11, 0x11), QColor(0xFF, 0xFF, 0xFF),
        QColor(0xF5, 0xF5, 0xF5), QColor(0xEF, 0xEF, 0xEF), QColor(0xFF, 0xFF, 0xFF), QColor(0xA0, 0xA0, 0xA0),
        QColor(0x6E, 0x6E, 0x6E), QColor(0x2A, 0x6F, 0xB0), QColor(0xFF, 0xFF, 0xFF), QColor(0x70, 0x70, 0x70),
        QColor(0x00, 0x5A, 0x8C), QColor(0x76, 0x76, 0x76) });
}

QPalette ThemePalette::dark()
{
    return fromRoles({ QColor(0x2B, 0x2B, 0x2F), QColor(0xE6, 0xE6, 0xE6), QColor(0x1E, 0x1E, 0x21),
        QColor(0x26, 0x26, 0x2A), QColor(0x3A, 0x3A, 0x40), QColor(0x55, 0x55, 0x5C), QColor(0x5A, 0x5A, 0x62),
        QColor(0x12, 0x12, 0x14), QColor(0x35, 0x68, 0xA8), QColor(0xFF, 0xFF, 0xFF), QColor(0x9A, 0x9A, 0x9A),
        QColor(0x56, 0xB4, 0xE9), QColor(0x80, 0x80, 0x80) });
}

// Black plots on a near-black window (Fusion draws frames a shade darker than the window: on pure black they would
// vanish, and fields would not stand out), white text, a yellow selection as on a system's high-contrast theme.
QPalette ThemePalette::highContrast()
{
    return fromRoles({ QColor(0x10, 0x10, 0x10), QColor(0xFF, 0xFF, 0xFF), QColor(0x00, 0x00, 0x00),
        QColor(0x1A, 0x1A, 0x1A), QColor(0x30, 0x30, 0x30), QColor(0xFF, 0xFF, 0xFF), QColor(0xC0, 0xC0, 0xC0),
        QColor(0x00, 0x00, 0x00), QColor(0xFF, 0xFF, 0x00), QColor(0x00, 0x00, 0x00), QColor(0xC0, 0xC0, 0xC0),
        QColor(0x66, 0xCC, 0xFF), QColor(0xA0, 0xA0, 0xA0) });
}

} // namespace gdlab
