#pragma once

#include <QList>
#include <QMap>
#include <QRectF>
#include <QString>
#include <QVector>

#include <optional>
#include <utility>

namespace gdlab {

/**
 * @brief What one view shows, in the words of `gdlab --dump-views`: where it is in the window, its axis ranges, the
 * marks it draws (the current θ, the optimum, the start) and every text it shows, with the rectangle the text
 * covers in window pixels. A value, so that tests and the writer read one picture of the window.
 */
struct ViewDescription {
    using Range = std::pair<double, double>;

    /** @brief A point the view marks, in axis coordinates (the bowl: θa, θb, loss). */
    struct Mark {
        QVector<double> at;
        bool inside = false; ///< within the axis ranges
        bool indicated = false; ///< an off-frame indicator points at it
    };

    /** @brief A text on screen: what it says and the rectangle it covers, in window pixels. */
    struct Text {
        QString text;
        QRectF rect;
    };

    QRectF rect; ///< the view in window pixels
    std::optional<Range> xRange;
    std::optional<Range> yRange;
    std::optional<Range> zRange; ///< the bowl's loss axis
    QMap<QString, Mark> marks; ///< "current", "optimum", "start": those the view draws
    QList<Text> texts;
    /** @brief The point size of the view's axis labels where they are not in texts (the bowl draws them in 3-D). */
    std::optional<double> axisFontPointSize;
    /** @brief The bowl's camera: x and y rotation in degrees, zoom in percent, then the target's x, y, z. */
    std::optional<QVector<double>> camera;
};

} // namespace gdlab
