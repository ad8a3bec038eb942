#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QSettings;

namespace gdlab {

class MainWindow;

/**
 * @brief View › Presentation size: how much larger presentation mode draws everything (125 % to 200 %), for a small
 * projector screen or a large hall; the choice is kept in QSettings.
 *
 * The scale is PlotStyle's one presentation scale, which every view, frame and dialog reads; the window restyles
 * at once when it is in presentation mode (MainWindow::setPresentationScale).
 */
class PresentationSizeMenu : public QObject {
    Q_OBJECT

public:
    /** @brief The settings key of the chosen scale. */
    static const QString settingsKey;

    explicit PresentationSizeMenu(MainWindow* window);

    /** @brief The scale kept in settings, or PlotStyle's default when none (or one not offered) is kept. */
    static double stored(const QSettings& settings);

    /** @brief Sets the scale and keeps it in QSettings: what the menu does. */
    void choose(double scale);
    /** @brief Sets the scale without keeping it (the kept one at start). */
    void apply(double scale);

    QMenu* menu() const { return m_menu; }
    /** @brief The entry for scale (one of PlotStyle::presentationScales), or nullptr. */
    QAction* action(double scale) const;

private:
    MainWindow* m_window;
    QMenu* m_menu;
};

} // namespace gdlab
