#pragma once

#include <QImage>

class QPaintDevice;
class QWidget;

namespace gdlab {

/**
 * @brief Draws a widget and everything in it as a picture for a slide: a view, or the whole window.
 *
 * Widgets are painted with QWidget::render(), but a plot's own paint event would only copy its screen buffer, and
 * the 3-D bowl is an OpenGL window that render() cannot see. So the plots (QCustomPlot) are left out of that
 * pass and drawn again by QCustomPlot itself, at the picture's resolution (crisp at 2× and 3×) or as vectors (SVG
 * and PDF: the plots' lines and text stay lines and text); the bowl is rendered off screen by Qt DataVisualization
 * at the same camera (Q3DSurface::renderToImage) and placed where it is on screen. In a vector picture the other
 * widgets (the controls around the views) go in as an image at 2×. Widgets with omitProperty set (the bowl's hint
 * to drag it) are left out.
 */
class ViewPicture {
public:
    /** @brief A widget property: when true, the widget is not in pictures. */
    static constexpr const char* omitProperty = "gdlabOmitFromPictures";

    /** @brief The root widget at scale × its size in pixels (1 = as on a screen of ratio 1, 2 or 3 for slides). */
    static QImage toImage(QWidget* root, double scale);
    /**
     * @brief Paints root onto a vector device (QSvgGenerator, QPdfWriter) whose unit is one pixel of root, at
     * root's logical resolution (so that fonts measure as on screen). The bowl and the widgets around the plots go
     * in as images at 2×.
     */
    static bool paint(QWidget* root, QPaintDevice* device);

private:
    static bool draw(QWidget* root, QPaintDevice* device, double scale, bool vector);
};

} // namespace gdlab
