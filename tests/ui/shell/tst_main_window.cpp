// The main window as a user drives it: keys step the descent and every view follows; a settings change
// redraws every view; export writes the history atomically; presentation mode enlarges the text.
#include "data/data_opener.h"
#include "dataset.h"
#include "panels/playback_bar.h"
#include "panels/surface_slice_controls.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "shell/presentation_size_menu.h"
#include "shell/second_view_tabs.h"
#include "support/model_states.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/loss_plot.h"
#include "views/plot_style.h"
#include "views/status_summary.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tst_main_window {

using namespace gdlab;

namespace {

/** Where each of the four plots is in the window, and the window's size: what must not move while stepping. */
QList<QRect> layoutOf(MainWindow& window)
{
    QCoreApplication::processEvents();
    QList<QRect> rects { QRect(QPoint(), window.size()) };
    for (QWidget* view : { static_cast<QWidget*>(window.fitPlot()), static_cast<QWidget*>(window.lossPlot()),
             static_cast<QWidget*>(window.contourPlot()), static_cast<QWidget*>(window.bowlView()) })
        rects << QRect(view->mapTo(&window, QPoint()), view->size());
    return rects;
}

QString describe(const QList<QRect>& rects)
{
    QStringList parts;
    for (const QRect& r : rects)
        parts << QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensOnTheLesson();
    void keysStepEveryView();
    void learningRateChangeRedrawsEveryView();
    void exportHistory();
    void exportHistoryOfEditedPoints();
    void exportToUnwritablePathKeepsData();
    void windowIcon();
    void presentationModeEnlargesText();
    void presentationModeReachesTheBowl();
    void presentationSizeIsChosenAndKept();
    void screenshotFile();
    void unfittableFileShowsOneMessage();
    void steppingMovesNoViewAndGrowsNoWindow_data();
    void steppingMovesNoViewAndGrowsNoWindow();
    void layoutIsTheSameAtEveryIterationItOpensOn();
    void tenFeaturesFitOnTheScreen();
    void followCheckSitsBesideTheTabs();
    void pinnedRunsEndBeforeTheModelsTheViewsRead();

private:
    void verifyViewsFollow();
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

// Every view shows the model's current row.
void TestMainWindow::verifyViewsFollow()
{
    QCoreApplication::processEvents();
    const IterationModel* model = m_controller->model();
    const gdlab::test::State state = gdlab::test::stateAt(*model, model->currentRow());
    QCOMPARE(m_window->playbackBar()->scrubber()->value(), model->currentRow());
    QCOMPARE(m_window->lossPlot()->markerIteration(), static_cast<double>(state.iteration));
    QVERIFY(qAbs(m_window->fitPlot()->currentLineY(0.0) - state.theta[0]) < 1e-12);
    QVERIFY(qAbs(m_window->fitPlot()->currentLineY(1.0) - state.theta[0] - state.theta[1]) < 1e-12);
    QCPCurve* path = m_window->contourPlot()->pathCurve();
    QVERIFY(!path->data()->isEmpty());
    const QCPCurveData& end = *(path->data()->constEnd() - 1);
    QCOMPARE(end.key, state.theta[0]);
    QCOMPARE(end.value, state.theta[1]);
    QVERIFY2(m_window->statusSummary()->text().contains(QString::number(state.iteration)),
        qPrintable(m_window->statusSummary()->text()));
}

void TestMainWindow::opensOnTheLesson()
{
    QCOMPARE(m_controller->model()->rowCount(), 1001);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("gdlab")));
    QVERIFY(m_window->fitPlot() && m_window->lossPlot() && m_window->contourPlot() && m_window->bowlView());
    verifyViewsFollow();
}

void TestMainWindow::keysStepEveryView()
{
    IterationModel* model = m_controller->model();
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(model->currentRow(), 1);
    verifyViewsFollow();
    for (int i = 0; i < 9; ++i)
        QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(model->currentRow(), 10);
    QVERIFY(qAbs(model->theta(model->currentRow())[0] - 0.8094368934859253) < 1e-15);
    verifyViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(model->currentRow(), 9);
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(model->currentRow(), 1000);
    verifyViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(model->currentRow(), 0);
    verifyViewsFollow();
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(m_window->playbackBar()->isPlaying());
    QTRY_VERIFY(model->currentRow() > 0);
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    QVERIFY(!m_window->playbackBar()->isPlaying());
    verifyViewsFollow();
}

void TestMainWindow::learningRateChangeRedrawsEveryView()
{
    IterationModel* model = m_controller->model();
    model->setCurrentRow(10);
    const double before = m_window->fitPlot()->currentLineY(0.0);
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(model->currentRow(), 10); // the same iteration, on the new trajectory
    QVERIFY(qAbs(m_window->fitPlot()->currentLineY(0.0) - before) > 1e-3);
    verifyViewsFollow();
    QCPGraph* loss = m_window->lossPlot()->lossGraph();
    QCOMPARE(loss->data()->size(), model->rowCount());
    QCOMPARE((loss->data()->constBegin() + 10)->value, model->loss(10));
}

void TestMainWindow::exportHistory()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("history.csv"));
    QString error;
    QVERIFY2(m_window->exportHistory(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("iteration,epoch,loss,rmse,grad_norm,theta0,theta1"));
    QCOMPARE(lines.size(), 1001 + 2); // header, rows, final newline
    // Row 10 holds the tutorial's published θ after 10 steps, written so that it reads back bit for bit.
    const QList<QByteArray> row = lines[11].split(',');
    QCOMPARE(row.size(), 7);
    QCOMPARE(row[0], QByteArray("10"));
    QCOMPARE(row[5].toDouble(), 0.8094368934859253);
    QCOMPARE(row[6].toDouble(), 0.7232754423544987);
    QVERIFY(row[5].toDouble() == m_controller->model()->theta(10)[0]);

    // Beside it, the settings that produced it.
    QFile json(directory.filePath(QStringLiteral("history.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonObject settings = QJsonDocument::fromJson(json.readAll(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(settings.value(QStringLiteral("format")).toString(), QStringLiteral("gdlab-history-settings"));
    const QJsonObject history = settings.value(QStringLiteral("history")).toObject();
    QCOMPARE(history.value(QStringLiteral("rows")).toInt(), 1001);
    QStringList columns;
    for (const QJsonValue& column : history.value(QStringLiteral("columns")).toArray())
        columns << column.toString();
    QCOMPARE(columns.join(QLatin1Char(',')).toUtf8(), lines.first());
    const QJsonObject data = settings.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("lesson")).toString(), QStringLiteral("five_points"));
    QCOMPARE(data.value(QStringLiteral("rows")).toInt(), 5);
    QCOMPARE(data.value(QStringLiteral("edited")).toBool(true), false);
    QVERIFY(!data.contains(QStringLiteral("values")));
    const QJsonObject problem = settings.value(QStringLiteral("problem")).toObject();
    QCOMPARE(problem.value(QStringLiteral("target")).toString(), QStringLiteral("y"));
    QCOMPARE(problem.value(QStringLiteral("features")).toArray(), QJsonArray({ QStringLiteral("x") }));
    QCOMPARE(problem.value(QStringLiteral("intercept")).toBool(), true);
    const QJsonObject solver = settings.value(QStringLiteral("settings")).toObject();
    QCOMPARE(solver.value(QStringLiteral("learning_rate")).toDouble(), 0.01);
    QCOMPARE(solver.value(QStringLiteral("iterations")).toInt(), 1000);
    QCOMPARE(solver.value(QStringLiteral("loss")).toString(), QStringLiteral("mse"));
    QCOMPARE(solver.value(QStringLiteral("method")).toString(), QStringLiteral("batch"));
    QCOMPARE(solver.value(QStringLiteral("init")).toArray(), QJsonArray({ 0.75, 0.48 }));
    QCOMPARE(solver.value(QStringLiteral("optimizer")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("gd"));
    QCOMPARE(MainWindow::historySettingsPath(QStringLiteral("/a/b.c/run")), QStringLiteral("/a/b.c/run.json"));
}

// Edited points are the user's own data: the settings file then holds them, as the history was computed from them.
void TestMainWindow::exportHistoryOfEditedPoints()
{
    QVERIFY(m_window->pointEditor()->addPoint(6, 4.5));
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("edited.csv"));
    QString error;
    QVERIFY2(m_window->exportHistory(path, &error), qPrintable(error));
    QFile json(directory.filePath(QStringLiteral("edited.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject data = QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("edited")).toBool(), true);
    QVERIFY(data.value(QStringLiteral("lesson")).isNull());
    const QJsonArray values = data.value(QStringLiteral("values")).toArray();
    QCOMPARE(values.size(), 6);
    QCOMPARE(values.last().toArray(), QJsonArray({ 6.0, 4.5 }));
}

void TestMainWindow::windowIcon()
{
    const QIcon icon = m_window->windowIcon();
    QVERIFY(!icon.isNull());
    QVERIFY(icon.availableSizes().contains(QSize(16, 16)));
    QVERIFY(icon.availableSizes().contains(QSize(256, 256)));
    // Drawn, not blank: the bowl and the path have colours of their own.
    const QImage image = icon.pixmap(QSize(64, 64)).toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 50);
}

void TestMainWindow::exportToUnwritablePathKeepsData()
{
    QTemporaryDir directory;
    QFile blocker(directory.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!m_window->exportHistory(directory.filePath(QStringLiteral("file/history.csv")), &error));
    QVERIFY2(error.contains(QStringLiteral("history.csv")), qPrintable(error));
    QCOMPARE(m_controller->model()->rowCount(), 1001);
}

void TestMainWindow::presentationModeEnlargesText()
{
    const qreal normal = m_window->font().pointSizeF();
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->isPresentationMode());
    QVERIFY(m_window->font().pointSizeF() > normal * 1.2);
    QVERIFY(m_window->lossPlot()->isPresentationMode());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!m_window->isPresentationMode());
    QCOMPARE(m_window->font().pointSizeF(), normal);
}

// View › Presentation size: the window, its views and the bowl grow by the chosen scale at once, the choice is kept
// in the settings, and what the settings hold that the menu does not offer falls back to the default.
void TestMainWindow::presentationSizeIsChosenAndKept()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gdlab-tests"));
    QSettings().remove(PresentationSizeMenu::settingsKey);
    PresentationSizeMenu* sizes = m_window->presentationSizes();
    QVERIFY(sizes->action(PlotStyle::defaultPresentationScale)->isChecked());
    const qreal base = QApplication::font().pointSizeF();
    const qreal axis = m_window->fitPlot()->plot()->xAxis->tickLabelFont().pointSizeF();
    const qreal message = m_window->bowlView()->messageFont().pointSizeF();
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QCOMPARE(m_window->font().pointSizeF(), base * 1.5);
    sizes->action(2.0)->trigger();
    QCOMPARE(PlotStyle::presentationScale(), 2.0);
    QVERIFY(sizes->action(2.0)->isChecked() && !sizes->action(1.5)->isChecked());
    QCOMPARE(m_window->font().pointSizeF(), base * 2.0);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->fitPlot()->plot()->xAxis->tickLabelFont().pointSizeF(), axis * 2.0);
    QCOMPARE(m_window->bowlView()->messageFont().pointSizeF(), message * 2.0);
    QCOMPARE(PresentationSizeMenu::stored(QSettings()), 2.0);
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QCOMPARE(m_window->font().pointSizeF(), base);
    QCOMPARE(m_window->fitPlot()->plot()->xAxis->tickLabelFont().pointSizeF(), axis);

    QSettings().setValue(PresentationSizeMenu::settingsKey, 7.0);
    QCOMPARE(PresentationSizeMenu::stored(QSettings()), PlotStyle::defaultPresentationScale);
    QSettings().setValue(PresentationSizeMenu::settingsKey, QStringLiteral("big"));
    QCOMPARE(PresentationSizeMenu::stored(QSettings()), PlotStyle::defaultPresentationScale);
    sizes->apply(PlotStyle::defaultPresentationScale); // the other tests read the default
    QSettings().remove(PresentationSizeMenu::settingsKey);
}

void TestMainWindow::presentationModeReachesTheBowl()
{
    BowlView* bowl = m_window->bowlView();
    const qreal normal = bowl->messageFont().pointSizeF();
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(bowl->isPresentationMode());
    // One scale for everything: the bowl grows by it once, like the window's own font.
    QCOMPARE(bowl->messageFont().pointSizeF(), normal * PlotStyle::presentationScale());
    QCOMPARE(m_window->font().pointSizeF(), QApplication::font().pointSizeF() * PlotStyle::presentationScale());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!bowl->isPresentationMode());
    QCOMPARE(bowl->messageFont().pointSizeF(), normal);
}

void TestMainWindow::screenshotFile()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("shot.png"));
    QString error;
    QVERIFY2(m_window->saveScreenshot(path, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), m_window->size());
    QVERIFY(!m_window->saveScreenshot(directory.filePath(QStringLiteral("missing/dir/shot.png")), &error));
    QVERIFY(!error.isEmpty());
}

// A file that reads but cannot be fitted (one row for two parameters) is refused by the controller; the opener
// that issued the command says so, and the window does not say it a second time.
void TestMainWindow::unfittableFileShowsOneMessage()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("one row.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write("x,y\n1,2\n") > 0);
    file.close();
    const std::shared_ptr<const Run> before = m_controller->model()->sharedRun();
    const QString title = m_window->windowTitle();
    const double line = m_window->fitPlot()->currentLineY(1.0);

    DataOpener* opener = m_window->dataOpener();
    QSignalSpy finished(opener, &DataOpener::loadingFinished);
    opener->openFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    QCoreApplication::processEvents();

    QList<QMessageBox*> boxes;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible())
            boxes << box;
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.first(), opener->activeMessageBox());
    QCOMPARE(boxes.first()->text(), QStringLiteral("Could not open one row.csv"));
    QVERIFY2(boxes.first()->informativeText().contains(QStringLiteral("The data on screen is unchanged.")),
        qPrintable(boxes.first()->informativeText()));

    QCOMPARE(m_controller->model()->sharedRun(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->fitPlot()->currentLineY(1.0), line);
    boxes.first()->close();
}

void TestMainWindow::steppingMovesNoViewAndGrowsNoWindow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1600x1000") << QSize(1600, 1000);
}

// Stepping changes the numbers in the update panel, the status line and the table: none of them may widen the
// side column, move a plot or grow the window (at 1024 the window once grew to 1191 px).
void TestMainWindow::steppingMovesNoViewAndGrowsNoWindow()
{
    QFETCH(QSize, size);
    QVERIFY(m_controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    m_controller->waitForComputation();
    m_window->resize(size);
    IterationModel* model = m_controller->model();
    model->setCurrentRow(0);
    const QList<QRect> start = layoutOf(*m_window);
    for (const long long iteration : { 3LL, 108LL, model->iteration(model->lastRow()) }) {
        model->setCurrentRow(model->rowForIteration(iteration));
        const QList<QRect> now = layoutOf(*m_window);
        QVERIFY2(now == start,
            qPrintable(
                QStringLiteral("iteration %1: %2 instead of %3").arg(iteration).arg(describe(now), describe(start))));
    }
}

// A screenshot with --step N opens the window at iteration N: the side column must not take its width from what
// that iteration's numbers need, or the plots sit elsewhere in each screenshot.
void TestMainWindow::layoutIsTheSameAtEveryIterationItOpensOn()
{
    m_window.reset();
    QVERIFY(m_controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    m_controller->waitForComputation();
    IterationModel* model = m_controller->model();
    QList<QRect> first;
    for (const long long iteration : { 0LL, 3LL, 108LL, model->iteration(model->lastRow()) }) {
        model->setCurrentRow(model->rowForIteration(iteration));
        MainWindow window(m_controller.get());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QRect> rects = layoutOf(window);
        if (first.isEmpty())
            first = rects;
        QVERIFY2(rects == first,
            qPrintable(QStringLiteral("at %1: %2 instead of %3").arg(iteration).arg(describe(rects), describe(first))));
    }
}

// Ten features: the slice caption lists nine held values and the controls ten features. The window still opens
// at the size asked for on a 1600-pixel screen, with nothing wider than that required.
void TestMainWindow::tenFeaturesFitOnTheScreen()
{
    m_window.reset();
    std::vector<std::string> names;
    for (int i = 1; i <= 10; ++i)
        names.push_back("x" + std::to_string(i));
    names.push_back("y");
    Eigen::MatrixXd values = Eigen::MatrixXd::Random(40, 11);
    values.col(10) = values.leftCols(10).rowwise().sum() + 0.1 * Eigen::VectorXd::Random(40);
    QVERIFY(m_controller->openDataset(Dataset(names, values, "ten.csv"), {}, QStringLiteral("ten.csv")).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_controller->model()->run()->problem->featureColumns().size(), std::size_t(10));
    MainWindow window(m_controller.get());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    QVERIFY(!window.contourPlot()->subtitle().isEmpty());
    // Before, the caption alone made the window 2166 pixels wide on a 1600-pixel screen.
    QVERIFY2(window.minimumSizeHint().width() <= 1600, qPrintable(QString::number(window.minimumSizeHint().width())));
    QCOMPARE(window.width(), 1600);
}

// At 1024x700 a two-feature slice leaves the map little height: the slice's combos take one line, and "follow θ"
// sits beside the view's tabs, shown with the contour map only.
void TestMainWindow::followCheckSitsBesideTheTabs()
{
    QVERIFY(m_controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    m_controller->waitForComputation();
    m_window->resize(1024, 700);
    QCoreApplication::processEvents();
    auto* tabs = m_window->findChild<SecondViewTabs*>();
    auto* slice = m_window->findChild<SurfaceSliceControls*>();
    QVERIFY(tabs && slice);
    QCheckBox* follow = slice->followCheck();
    QCOMPARE(tabs->cornerWidget(Qt::TopRightCorner), follow);
    QVERIFY(follow->isVisible());
    const int comboHeight = slice->findChild<QComboBox*>()->height();
    QVERIFY2(slice->height() < 2 * comboHeight, qPrintable(QString::number(slice->height())));
    tabs->setCurrentIndex(SecondViewTabs::AlongParameter);
    QVERIFY(!follow->isVisible());
    tabs->setCurrentIndex(SecondViewTabs::Contour);
    QVERIFY(follow->isVisible());
    follow->click();
    QVERIFY(m_window->surfaceModel()->followsCurrent());
}

// A pinned run's end redraws the views that follow it, the bowl's live path among them, which reads the surface model:
// on closing the window the pinned runs must go while that model is still there.
void TestMainWindow::pinnedRunsEndBeforeTheModelsTheViewsRead()
{
    QVERIFY(m_window->pinnedRuns()->pinCurrent());
    QStringList ended;
    QObject watcher; // the connections' context, outliving the window
    QObject::connect(
        m_window->pinnedRuns(), &QObject::destroyed, &watcher, [&ended] { ended << QStringLiteral("pinned runs"); });
    QObject::connect(
        m_window->surfaceModel(), &QObject::destroyed, &watcher, [&ended] { ended << QStringLiteral("surface"); });
    m_window.reset();
    QCOMPARE(ended, QStringList({ QStringLiteral("pinned runs"), QStringLiteral("surface") }));
}

} // namespace tst_main_window

QTEST_MAIN(tst_main_window::TestMainWindow)
#include "tst_main_window.moc"
