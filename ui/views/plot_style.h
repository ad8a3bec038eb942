#pragma once

#include <QColor>
#include <QFont>

class QCPAxis;
class QCustomPlot;
class QWidget;

namespace gdlab {

/**
 * @brief The look every plot and dialog shares: one presentation scale for fonts, lines and markers, the fonts
 * and text colours of the widget's palette, and the axis styling of every QCustomPlot in the program.
 *
 * A value: a view makes one from itself whenever its palette, font or presentation mode changes, and styles its
 * plot with it, so that the four views, the sweep and every dialog grow together for the back row.
 */
class PlotStyle {
public:
    /** @brief How much larger everything is drawn in presentation mode unless the user chose otherwise. */
    static constexpr double defaultPresentationScale = 1.5;
    /** @brief The sizes View › Presentation size offers, smallest first. */
    static constexpr double presentationScales[] = { 1.25, 1.5, 1.75, 2.0 };

    /** @brief How much larger everything is drawn in presentation mode (fonts, lines, markers): one for all views. */
    static double presentationScale();
    /** @brief Sets it for every style made from now on, kept within presentationScales' range. The window restyles
     * its views itself (MainWindow::setPresentationScale). */
    static void setPresentationScale(double scale);

    /**
     * @brief The style of widget: its palette, and the program's base font (QApplication::font(), not the
     * widget's, which a window in presentation mode has enlarged already), enlarged in presentation mode.
     */
    PlotStyle(const QWidget& widget, bool presentation);

    bool isPresentation() const { return m_presentation; }
    /** @brief 1, or presentationScale() in presentation mode. */
    double scale() const { return m_scale; }
    /**
     * @brief A width or size in pixels at this scale, and at the theme's line scale (ViewPalette::lineScale():
     * the high-contrast theme draws lines and markers thicker).
     */
    double scaled(double pixels) const { return pixels * m_scale * m_lineScale; }
    /** @brief The widget's font at this scale, times relative (0.9 for tick labels, 0.85 for annotations). */
    QFont font(double relative = 1.0) const;

    QColor text() const { return m_text; }
    QColor background() const { return m_background; }
    /** @brief text at alpha (0–255): grid lines, muted curves, label backgrounds. */
    QColor textAlpha(int alpha) const;
    QColor backgroundAlpha(int alpha) const;
    /** @brief Whether the background is dark (a dark theme): colours that are text need more light then. */
    bool isDark() const { return m_background.lightness() < 128; }

    /** @brief Background, every axis of the plot's axis rects (pens, fonts, grid) and the legend's font. */
    void apply(QCustomPlot* plot) const;
    /** @brief Pens, label and tick fonts, grid of one axis. */
    void applyToAxis(QCPAxis* axis) const;

    /**
     * @brief Makes axis logarithmic over [low, high] with powers of ten as ticks (sub-ticks while they can be
     * told apart), or, when the range spans less than two decades, keeps it logarithmic with plain numbers.
     * @param headroom extra factor above high, so a rising curve is seen before it leaves the view
     */
    static void setLogarithmicRange(QCPAxis* axis, double low, double high, double headroom = 1.0);
    /** @brief Makes axis linear with plain ticks. */
    static void setLinear(QCPAxis* axis);

private:
    double m_scale = 1.0;
    double m_lineScale = 1.0;
    /** The grid's alpha over the text colour, and the sub-grid's: stronger where the background is dark. */
    int m_gridAlpha = 40;
    int m_subGridAlpha = 18;
    bool m_presentation = false;
    QFont m_font;
    QColor m_text;
    QColor m_background;
};

} // namespace gdlab
