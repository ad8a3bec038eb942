#pragma once

#include "views/plot_style.h"

#include <QColor>
#include <QFont>

class Q3DTheme;
class QWidget;

namespace gdlab {

/**
 * @brief The look of the 3-D bowl: its theme's colours from the widget's palette, and its fonts and marker sizes
 * at the one presentation scale every view shares (PlotStyle::presentationScale()).
 *
 * A value, made from the view whenever its palette, font or presentation mode changes.
 */
class BowlStyle {
public:
    /**
     * @brief The point size of the axis labels in normal mode. Qt DataVisualization draws labels as textures
     * scaled with the scene, so this is a size relative to the plot box, not points on the screen.
     */
    static constexpr double labelPointSize = 40;

    BowlStyle(const QWidget& widget, bool presentation);

    /** @brief 1, or PlotStyle::presentationScale() in presentation mode. */
    double scale() const { return m_plot.scale(); }
    /** @brief The theme's font: the axis labels and titles. */
    QFont labelFont() const;
    /** @brief The font of the sentence shown instead of the bowl. */
    QFont messageFont() const { return m_plot.font(); }
    /** @brief A marker's size in the graph's units (the plot box spans 2) at this scale. */
    float markerSize(float normal) const { return normal * static_cast<float>(m_plot.scale()); }

    /** @brief Colours (background, labels, grid) and font of the graph's theme. */
    void apply(Q3DTheme* theme) const;

private:
    PlotStyle m_plot;
    QFont m_font;
    QColor m_window;
    QColor m_text;
    QColor m_base;
    QColor m_mid;
};

} // namespace gdlab
