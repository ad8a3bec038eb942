// The exports for slides, read back as a viewer would: PNGs at 1×/2×/3×, SVGs that parse, PDFs that poppler opens
// and draws (when poppler-utils is installed), animated GIFs whose frames, size and delays giflib reads back and
// whose colours match the still picture (no banding), the clipboard, the dialogs. Under xvfb-run, with the bowl.
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/animation_dialog.h"
#include "shell/animation_exporter.h"
#include "shell/clipping_paint_device.h"
#include "shell/export_actions.h"
#include "shell/export_dialog.h"
#include "shell/gif_writer.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/median_cut_palette.h"
#include "shell/view_exporter.h"
#include "shell/view_focus_tracker.h"
#include "views/bowl_view.h"
#include "views/loss_plot.h"

#include <gif_lib.h>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tst_export {

using namespace gdlab;

namespace {

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

/** How two images of one size differ: the mean difference of a channel, the largest, and how many pixels differ
 * by more than far in some channel. */
struct Difference {
    double mean = 0;
    int largest = 0;
    int far = 0;
};

Difference difference(const QImage& a, const QImage& b, int far = 32)
{
    const QImage left = a.convertToFormat(QImage::Format_RGB32);
    const QImage right = b.convertToFormat(QImage::Format_RGB32);
    Difference result;
    double sum = 0;
    for (int y = 0; y < left.height(); ++y)
        for (int x = 0; x < left.width(); ++x) {
            const QRgb p = left.pixel(x, y);
            const QRgb q = right.pixel(x, y);
            int pixel = 0;
            for (int d : { qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q) }) {
                sum += std::abs(d);
                pixel = std::max(pixel, std::abs(d));
            }
            result.largest = std::max(result.largest, pixel);
            result.far += pixel > far ? 1 : 0;
        }
    result.mean = sum / (3.0 * left.width() * left.height());
    return result;
}

/** What giflib reads back from a GIF: the screen, the frames and their delays. */
struct GifFacts {
    QSize screen;
    int frames = 0;
    QList<int> delays;
    bool loops = false;
};

GifFacts readGif(const QString& path)
{
    GifFacts facts;
    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    if (!gif || DGifSlurp(gif) != GIF_OK) {
        if (gif)
            DGifCloseFile(gif, &error);
        return facts;
    }
    facts.screen = QSize(gif->SWidth, gif->SHeight);
    facts.frames = gif->ImageCount;
    for (int i = 0; i < gif->ImageCount; ++i) {
        GraphicsControlBlock control;
        if (DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK)
            facts.delays << control.DelayTime;
        for (int e = 0; e < gif->SavedImages[i].ExtensionBlockCount; ++e) {
            const ExtensionBlock& block = gif->SavedImages[i].ExtensionBlocks[e];
            facts.loops = facts.loops
                || (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11
                    && QByteArray(reinterpret_cast<const char*>(block.Bytes), 11) == "NETSCAPE2.0");
        }
    }
    DGifCloseFile(gif, &error);
    return facts;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void pngAtEachScale();
    void everyViewAsPng();
    void svgParsesWithTextAsText();
    void clippingDeviceClipsLikeThePainter();
    void pdfOpensInPoppler();
    void badNameOrNoBowlIsRefused();
    void gifFramesSizeAndDelays();
    void gifColoursMatchTheStill();
    void cancelledGifLeavesTheOldFile();
    void frameRowsSpreadEvenly();
    void paletteKeepsSmallDistinctColours();
    void changedRectBoundsTheDifference();
    void copyViewCopiesTheViewLastClicked();
    void exportDialogWritesTheChosenFile();
    void animationDialogWritesTheGif();

private:
    MainWindow* window();
    const ViewExporter* views() { return window()->exports()->views(); }
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_directory;
};

// A fresh window for each test function that asks for one: the palette, clipping and rectangle tests need none
// (a window with the bowl takes half a second to open under xvfb).
MainWindow* TestExport::window()
{
    if (m_window)
        return m_window.get();
    m_controller = std::make_unique<SessionController>();
    if (!m_controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty())
        qFatal("cannot load the lesson");
    m_controller->waitForComputation();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1024, 640);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qFatal("the window was not shown");
    m_controller->model()->setCurrentRow(40);
    return m_window.get();
}

void TestExport::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestExport::pngAtEachScale()
{
    const QList<std::pair<ViewExporter::Target, int>> cases { { ViewExporter::Fit, 1 }, { ViewExporter::Fit, 2 },
        { ViewExporter::Fit, 3 }, { ViewExporter::Window, 2 } };
    for (const auto& [target, scale] : cases) {
        const QString path = m_directory.filePath(QStringLiteral("%1-%2x.png").arg(target).arg(scale));
        QString error;
        QVERIFY2(views()->save(target, path, scale, &error), qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.size(), views()->widget(target)->size() * scale);
        QVERIFY(distinctColours(image) > 30);
    }
}

void TestExport::everyViewAsPng()
{
    for (const QString& name : ViewExporter::targetNames()) {
        const ViewExporter::Target target = *ViewExporter::parseTarget(name);
        const QString path = m_directory.filePath(name + QStringLiteral(".png"));
        QString error;
        QVERIFY2(views()->save(target, path, 1, &error), qPrintable(error));
        const QImage image(path);
        QVERIFY2(image.size() == views()->widget(target)->size(), qPrintable(name));
        QVERIFY2(distinctColours(image) > 30, qPrintable(name));
    }
    // The contour map is on the tab shown, the loss along one parameter on the other: drawn at the same size.
    QCOMPARE(views()->widget(ViewExporter::AlongParameter)->width(), views()->widget(ViewExporter::Contour)->width());
    // The bowl is OpenGL: drawn off screen at the same camera, its middle is the surface, not the background.
    const QImage bowl(m_directory.filePath(QStringLiteral("bowl.png")));
    QVERIFY(distinctColours(bowl.copy(QRect(bowl.width() / 3, bowl.height() / 3, bowl.width() / 3, 40))) > 10);
}

void TestExport::svgParsesWithTextAsText()
{
    const QList<std::pair<ViewExporter::Target, QByteArray>> cases { { ViewExporter::Fit, ">actual y<" },
        { ViewExporter::Loss, ">iteration<" }, { ViewExporter::Window, ">iteration<" } };
    for (const auto& [target, text] : cases) {
        const QString path = m_directory.filePath(ViewExporter::targetName(target) + QStringLiteral(".svg"));
        QString error;
        QVERIFY2(views()->save(target, path, 1, &error), qPrintable(error));
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox().size(), views()->widget(target)->size());
        // The loss plot's axis label is text in the drawing, not pixels of an image.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().contains(text), text.constData());
        // Drawn again, it is the picture of the view: nothing runs past a plot's axes (Qt 6.4 writes no clip).
        QImage drawn(svg.viewBox().size(), QImage::Format_ARGB32_Premultiplied);
        drawn.fill(window()->palette().color(QPalette::Window));
        QPainter painter(&drawn);
        svg.render(&painter);
        painter.end();
        // Compared at a quarter of the size: vectors and pixels differ in anti-aliasing and half-pixel offsets, not
        // in what is drawn where.
        const auto blurred = [](const QImage& image) {
            return image.scaled(image.size() / 4, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        };
        const Difference off = difference(blurred(drawn), blurred(views()->image(target, 1)), 64);
        const QString measured = QStringLiteral("%1: mean %2, %3 far").arg(text.constData()).arg(off.mean).arg(off.far);
        QVERIFY2(off.mean < 3.5 && off.far <= drawn.width() * drawn.height() / 16 / 2000, qPrintable(measured));
        // The fit's lines run past its axes unless clipped (two such pixels here without the clipping).
        if (target == ViewExporter::Fit)
            QVERIFY2(off.far == 0, qPrintable(measured));
    }
}

void TestExport::clippingDeviceClipsLikeThePainter()
{
    const auto draw = [](QPaintDevice* device) {
        QPainter painter(device);
        painter.setPen(QPen(QColor(0xD5, 0x5E, 0x00), 3));
        painter.translate(10, 5);
        painter.setClipRect(QRectF(20, 20, 60, 40));
        painter.drawLine(QPointF(0, 0), QPointF(100, 90)); // crosses the clip
        painter.drawPolyline(QPolygonF({ QPointF(-5, 30), QPointF(50, 30), QPointF(50, 200) }));
        painter.setBrush(QColor(0x00, 0x72, 0xB2));
        painter.drawEllipse(QRectF(60, 40, 40, 40)); // a fill that is cut
        painter.drawText(QPointF(200, 200), QStringLiteral("outside"));
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(QColor(0x88, 0x88, 0x88));
        painter.drawImage(QRectF(0, 0, 40, 40), image);
    };
    QImage expected(120, 100, QImage::Format_ARGB32_Premultiplied);
    expected.fill(Qt::transparent);
    draw(&expected);
    QImage clipped = expected;
    clipped.fill(Qt::transparent);
    ClippingPaintDevice device(&clipped);
    draw(&device);
    const QRect inside(30, 25, 60, 40);
    for (int y = 0; y < clipped.height(); ++y)
        for (int x = 0; x < clipped.width(); ++x)
            if (!inside.adjusted(-1, -1, 1, 1).contains(x, y))
                QVERIFY2(qAlpha(clipped.pixel(x, y)) == 0, qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
    // Inside, away from the cuts, the same picture as the painter's own clipping.
    const QRect core = inside.adjusted(3, 3, -3, -3);
    const Difference off = difference(clipped.copy(core), expected.copy(core));
    QVERIFY2(off.mean < 2, qPrintable(QString::number(off.mean)));
    QVERIFY(distinctColours(clipped.copy(core)) > 3);
}

void TestExport::pdfOpensInPoppler()
{
    const QString path = m_directory.filePath(QStringLiteral("fit.pdf"));
    QString error;
    QVERIFY2(views()->save(ViewExporter::Fit, path, 1, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdfinfo.isEmpty() || pdftoppm.isEmpty())
        QSKIP("poppler-utils (pdfinfo, pdftoppm) is not installed: the PDF is written but not opened");
    QProcess info;
    info.start(pdfinfo, { path });
    QVERIFY(info.waitForFinished(20000));
    const QString text = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(info.exitCode() == 0 && text.contains(QStringLiteral("Pages:           1")), qPrintable(text));
    // At the window's own resolution the page is drawn at the view's size again.
    const QWidget* fit = views()->widget(ViewExporter::Fit);
    const int dpi = fit->logicalDpiX();
    QProcess draw;
    draw.start(pdftoppm,
        { QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-singlefile"), path,
            m_directory.filePath(QStringLiteral("page")) });
    QVERIFY(draw.waitForFinished(30000));
    QCOMPARE(draw.exitCode(), 0);
    const QImage page(m_directory.filePath(QStringLiteral("page.png")));
    QVERIFY(qAbs(page.width() - fit->width()) <= 1);
    QVERIFY(qAbs(page.height() - fit->height()) <= 1);
    QVERIFY(distinctColours(page) > 30);
}

void TestExport::badNameOrNoBowlIsRefused()
{
    QString error;
    QVERIFY(!views()->save(ViewExporter::Fit, m_directory.filePath(QStringLiteral("fit.jpeg")), 1, &error));
    QVERIFY2(error.contains(QStringLiteral(".png, .svg or .pdf")), qPrintable(error));
    QVERIFY(!QFile::exists(m_directory.filePath(QStringLiteral("fit.jpeg"))));
    QVERIFY(!views()->save(ViewExporter::Fit, m_directory.filePath(QStringLiteral("no/such/fit.png")), 1, &error));
    QVERIFY2(error.contains(QStringLiteral("fit.png")), qPrintable(error));
    QVERIFY(views()->unavailableReason(ViewExporter::Bowl).isEmpty()); // under xvfb-run there is OpenGL
}

void TestExport::gifFramesSizeAndDelays()
{
    const QString path = m_directory.filePath(QStringLiteral("contour.gif"));
    AnimationSettings settings;
    settings.lastIteration = 80;
    settings.frames = 5;
    settings.framesPerSecond = 4;
    settings.width = 240;
    QString error;
    QVERIFY2(
        window()->exports()->animations()->write(ViewExporter::Contour, path, settings, {}, &error), qPrintable(error));
    const GifFacts facts = readGif(path);
    QCOMPARE(facts.frames, 5);
    const QSize view = views()->widget(ViewExporter::Contour)->size();
    QCOMPARE(facts.screen.width(), 240);
    QVERIFY(qAbs(facts.screen.height() - view.height() * 240.0 / view.width()) <= 1);
    QCOMPARE(facts.delays, QList<int>({ 25, 25, 25, 25, 25 }));
    QVERIFY(facts.loops);
    // Qt's reader (another viewer) sees the same frames.
    QImageReader reader(path);
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(m_controller->model()->currentRow(), 40); // the cursor is back where it was
}

// One palette for all frames, chosen by median cut: the colour map's shading survives, no bands.
void TestExport::gifColoursMatchTheStill()
{
    const QString path = m_directory.filePath(QStringLiteral("window.gif"));
    AnimationSettings settings;
    settings.lastIteration = 40;
    settings.frames = 2;
    QString error;
    QVERIFY2(
        window()->exports()->animations()->write(ViewExporter::Window, path, settings, {}, &error), qPrintable(error));
    QImageReader reader(path);
    QImage last;
    for (int i = 0; i < 2; ++i)
        last = reader.read();
    const QImage still = views()->image(ViewExporter::Window, 1);
    QCOMPARE(last.size(), still.size());
    // 256 colours for thousands: on average within a level or two, and only the rare edge pixel of a small mark
    // (the arrow's tip blended into the map) further off.
    const Difference off = difference(last, still);
    QVERIFY2(off.mean < 1.5, qPrintable(QString::number(off.mean)));
    QVERIFY2(off.far < last.width() * last.height() / 2000, qPrintable(QString::number(off.far)));
    // Where the colour map shades smoothly, the GIF keeps many distinct steps.
    const QWidget* contour = views()->widget(ViewExporter::Contour);
    const QRect map(contour->mapTo(window(), QPoint(contour->width() / 4, contour->height() / 3)),
        QSize(contour->width() / 3, contour->height() / 4));
    QVERIFY2(distinctColours(last.copy(map)) > 40, qPrintable(QString::number(distinctColours(last.copy(map)))));
}

void TestExport::cancelledGifLeavesTheOldFile()
{
    const QString path = m_directory.filePath(QStringLiteral("old.gif"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    AnimationSettings settings;
    settings.lastIteration = 100;
    settings.frames = 10;
    settings.width = 200;
    QString error;
    int calls = 0;
    const bool written = window()->exports()->animations()->write(
        ViewExporter::Fit, path, settings, [&calls](int done, int) { return ++calls < 8 && done < 8; }, &error);
    QVERIFY(!written);
    QVERIFY(error.isEmpty());
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old"));
    QCOMPARE(m_controller->model()->currentRow(), 40);
}

void TestExport::frameRowsSpreadEvenly()
{
    const AnimationExporter* animations = window()->exports()->animations();
    AnimationSettings settings;
    settings.lastIteration = 100;
    settings.frames = 3;
    QCOMPARE(animations->frameRows(settings), std::vector<int>({ 0, 50, 100 }));
    settings.lastIteration = 4;
    settings.frames = 30; // more frames than iterations: each iteration once
    QCOMPARE(animations->frameRows(settings), std::vector<int>({ 0, 1, 2, 3, 4 }));
    settings.firstIteration = 10;
    settings.lastIteration = 20;
    settings.frames = 4;
    QCOMPARE(animations->frameRows(settings), std::vector<int>({ 10, 13, 17, 20 }));
    QCOMPARE(AnimationExporter::progressSteps(30), 36);
}

void TestExport::paletteKeepsSmallDistinctColours()
{
    // A smooth ramp over most of the picture, and a small orange mark the size of a marker.
    QImage image(400, 100, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(68 + x * 180 / 400, 1 + x * 230 / 400, 84 + x * 60 / 400));
    for (int y = 40; y < 46; ++y)
        for (int x = 200; x < 206; ++x)
            image.setPixel(x, y, qRgb(0xD5, 0x5E, 0x00));
    MedianCutPalette palette;
    palette.addImage(image);
    palette.build();
    QVERIFY(palette.colours().size() <= MedianCutPalette::maxColours);
    const std::vector<std::uint8_t> indices = palette.map(image);
    QImage back(image.size(), QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            back.setPixel(x, y, palette.colours()[indices[std::size_t(y * image.width() + x)]]);
    const Difference off = difference(image, back);
    QVERIFY2(off.mean < 1.0 && off.largest <= 4, qPrintable(QStringLiteral("%1 %2").arg(off.mean).arg(off.largest)));
    QCOMPARE(back.pixel(202, 42), qRgb(0xD5, 0x5E, 0x00));
    MedianCutPalette empty;
    empty.build();
    QCOMPARE(empty.colours().size(), 1);
}

void TestExport::changedRectBoundsTheDifference()
{
    const QSize size(8, 6);
    std::vector<std::uint8_t> a(48, 0);
    std::vector<std::uint8_t> b = a;
    QCOMPARE(GifWriter::changedRect({}, a, size), QRect(0, 0, 8, 6));
    QCOMPARE(GifWriter::changedRect(a, b, size), QRect(0, 0, 1, 1));
    b[2 * 8 + 3] = 1;
    b[4 * 8 + 6] = 2;
    QCOMPARE(GifWriter::changedRect(a, b, size), QRect(QPoint(3, 2), QPoint(6, 4)));
}

void TestExport::copyViewCopiesTheViewLastClicked()
{
    LossPlot* loss = window()->lossPlot();
    QTest::mouseClick(loss, Qt::LeftButton, {}, QPoint(loss->width() / 2, loss->height() / 2));
    QCOMPARE(window()->exports()->focusTracker()->current(), ViewExporter::Loss);
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    window()->actions()->copyView()->trigger();
    QTRY_VERIFY(!clipboard->image().isNull());
    QCOMPARE(clipboard->image().size(), loss->size() * loss->devicePixelRatio());
}

void TestExport::exportDialogWritesTheChosenFile()
{
    ExportDialog* dialog = window()->exports()->showExportDialog(ViewExporter::Fit);
    QCOMPARE(dialog->target(), ViewExporter::Fit);
    QVERIFY(dialog->path().endsWith(QStringLiteral("two_features_n100-fit.png")));
    dialog->setPath(m_directory.filePath(QStringLiteral("fit.txt")));
    QVERIFY(dialog->summary().contains(QStringLiteral(".png, .svg or .pdf")));
    dialog->setTarget(ViewExporter::Loss);
    dialog->setPath(m_directory.filePath(QStringLiteral("loss.png")));
    dialog->setScale(2);
    const QSize loss = window()->lossPlot()->size() * 2;
    QVERIFY2(dialog->summary().contains(QStringLiteral("%1 × %2").arg(loss.width()).arg(loss.height())),
        qPrintable(dialog->summary()));
    const QPointer<ExportDialog> guard(dialog);
    dialog->accept();
    QTRY_VERIFY(guard.isNull()); // closed, and deleted
    QCOMPARE(QImage(m_directory.filePath(QStringLiteral("loss.png"))).size(), loss);
}

void TestExport::animationDialogWritesTheGif()
{
    AnimationDialog* dialog = window()->exports()->showAnimationDialog(ViewExporter::Loss);
    QCOMPARE(dialog->target(), ViewExporter::Loss);
    AnimationSettings settings;
    settings.lastIteration = 30;
    settings.frames = 3;
    settings.framesPerSecond = 5;
    settings.width = 200;
    dialog->setSettings(settings);
    dialog->setPath(m_directory.filePath(QStringLiteral("loss.png")));
    QVERIFY(dialog->summary().contains(QStringLiteral(".gif")));
    dialog->setPath(m_directory.filePath(QStringLiteral("loss.gif")));
    QVERIFY2(dialog->summary().startsWith(QStringLiteral("3 frames of 200 ×")), qPrintable(dialog->summary()));
    const QPointer<AnimationDialog> guard(dialog);
    dialog->accept();
    QTRY_VERIFY(guard.isNull());
    const GifFacts facts = readGif(m_directory.filePath(QStringLiteral("loss.gif")));
    QCOMPARE(facts.frames, 3);
    QCOMPARE(facts.screen.width(), 200);
    QCOMPARE(facts.delays, QList<int>({ 20, 20, 20 }));
}

} // namespace tst_export

QTEST_MAIN(tst_export::TestExport)
#include "tst_export.moc"
