#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace gdlab {

class MainWindow;

/**
 * @brief Pictures of the window's views for slides: a view or the whole window as PNG (at 1×, 2× or 3×), SVG or
 * PDF (lines and text as vectors), or an image for the clipboard. Files are written atomically (QSaveFile).
 *
 * Drawing is ViewPicture's; this class knows which widget each view is and writes the formats.
 */
class ViewExporter {
    Q_DECLARE_TR_FUNCTIONS(ViewExporter)

public:
    /** @brief What can be exported; the names are those of --export-view. */
    enum Target { Fit, Loss, Contour, AlongParameter, Bowl, Window };
    enum class Format { Png, Svg, Pdf };

    explicit ViewExporter(MainWindow* window);

    /** @brief "fit", "loss", "contour", "along", "bowl", "window", in the order of Target. */
    static QStringList targetNames();
    static QString targetName(Target target);
    static std::optional<Target> parseTarget(const QString& name);
    /** @brief The view's name as the window shows it ("Fit", "Bowl (3D)", "Whole window"). */
    static QString targetTitle(Target target);
    /** @brief The format a file name's extension asks for (case-insensitive); empty for another extension. */
    static std::optional<Format> formatOf(const QString& path);

    QWidget* widget(Target target) const;
    /** @brief Why target cannot be pictured now (the bowl without OpenGL); empty when it can. */
    QString unavailableReason(Target target) const;
    /** @brief The view at scale × its size on screen; null when unavailable. */
    QImage image(Target target, double scale) const;
    /** @brief Writes target to path in the format of its extension (scale only for PNG); false with a message. */
    bool save(Target target, const QString& path, double scale, QString* errorMessage) const;
    /** @brief Puts target on the clipboard as an image, at the screen's pixel ratio; false with a message. */
    bool copyToClipboard(Target target, QString* errorMessage) const;

private:
    MainWindow* m_window;
};

} // namespace gdlab
