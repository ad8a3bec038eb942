#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QAction;
class QMenu;
class QSettings;
class QWidget;

namespace gdlab {

/** @brief The themes a person can choose: the desktop's own look, or one of the program's three. */
enum class ThemeKind { System, Light, Dark, HighContrast };

/**
 * @brief The program's theme: the application's palette and style, and the views' meaning colours, together.
 *
 * Light, dark and high contrast set a palette of their own (ThemePalette) with the Fusion style, which honours a
 * palette in every widget; System puts back the style and palette the platform gave when the program started (Qt
 * 6.4 has no colour-scheme hint to follow, so a dark desktop's palette is seen as dark and takes the dark meaning
 * colours). Changing the application's palette sends every widget a PaletteChange, on which the views, the plots,
 * the bowl, the dialogs and the side panel restyle themselves; the meaning colours are switched first, so that
 * they read the new ones.
 *
 * The View › Theme menu chooses a theme and keeps it in QSettings; --theme applies one without keeping it.
 */
class ThemeManager : public QObject {
    Q_OBJECT

public:
    /** @brief The settings key of the chosen theme. */
    static const QString settingsKey;

    /** @brief Remembers the platform's style and palette (the System theme); parent owns the menu. */
    explicit ThemeManager(QWidget* parent);

    /** @brief "system", "light", "dark", "high-contrast": the names of --theme and of the settings. */
    static QString name(ThemeKind kind);
    static QStringList names();
    static std::optional<ThemeKind> parse(const QString& name);
    /** @brief The theme kept in settings; System when none (or an unknown name) is kept. */
    static ThemeKind stored(const QSettings& settings);

    ThemeKind theme() const { return m_theme; }
    /** @brief Applies kind to the whole application, without keeping it (--theme, tests). */
    void apply(ThemeKind kind);
    /** @brief Applies kind and keeps it in QSettings: what the menu does. */
    void choose(ThemeKind kind);

    /** @brief View › Theme: one checkable action per theme, exclusive, the applied one checked. */
    QMenu* menu() const { return m_menu; }
    QAction* action(ThemeKind kind) const;

signals:
    void themeChanged(gdlab::ThemeKind kind);

private:
    void buildMenu(QWidget* parent);
    void checkAction();

    ThemeKind m_theme = ThemeKind::System;
    QMenu* m_menu = nullptr;
};

} // namespace gdlab
