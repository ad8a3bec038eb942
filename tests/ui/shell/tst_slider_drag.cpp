// Issue "Live": a teacher drags the learning rate across the stability bound and the class watches the path
// stretch, zig-zag and blow up. The test drags the real slider in 50 small moves (one step of its scale each,
// 0.58 %) from below batch descent's bound 2/λmax to above it, lets the window paint after each move like a
// frame would, and checks that every move made one new run with the slider's rate, that Fit, Loss, Contour and
// the bowl each redrew once with that run (the loss curve ends on its last loss, the path on its θ at the
// cursor), and that no view ever painted while it had nothing to show.

#include "panels/control_panel.h"
#include "panels/learning_rate_control.h"
#include "panels/learning_rate_scale.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "solver.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/loss_plot.h"
#include "views/view_picture.h"

#include <qcustomplot.h>

#include <Q3DSurface>
#include <QSlider>
#include <QtTest>

#include <functional>
#include <memory>
#include <vector>

namespace tst_slider_drag {

using gdlab::MainWindow;
using gdlab::SessionController;

namespace {

/** Counts the paints of one view (a widget's Paint, the bowl window's UpdateRequest) and those made empty. */
class PaintWatch : public QObject {
public:
    PaintWatch(QObject* target, QEvent::Type paintEvent, std::function<bool()> hasContent)
        : m_paintEvent(paintEvent)
        , m_hasContent(std::move(hasContent))
    {
        target->installEventFilter(this);
    }

    int paints = 0;
    int emptyPaints = 0;

protected:
    bool eventFilter(QObject* /*watched*/, QEvent* event) override
    {
        if (event->type() == m_paintEvent) {
            ++paints;
            if (!m_hasContent())
                ++emptyPaints;
        }
        return false;
    }

private:
    QEvent::Type m_paintEvent;
    std::function<bool()> m_hasContent;
};

bool hasData(const QCPGraph* graph)
{
    return graph && !graph->data()->isEmpty();
}

bool hasData(const QCPCurve* curve)
{
    return curve && !curve->data()->isEmpty();
}

} // namespace

class TestSliderDrag : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fiftyMovesAcrossTheBound();

private:
    void settle();
    /** With GDLAB_DRAG_FRAMES=DIR, saves the window after each move as DIR/frame_NN.png (a recording to look at). */
    void saveFrame(int move) const;
    /** The views show run: the loss curve ends on its last row, the path ends on θ at the cursor. */
    void expectViewsShow(const gdlab::Run& run);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestSliderDrag::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    settle();
    // The teacher shows iteration 10: the cursor stays there through every new run.
    m_controller->model()->setCurrentRow(10);
    settle();
}

void TestSliderDrag::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestSliderDrag::settle()
{
    // The sent rate is computed (on the worker when long), then queued replots and the bowl's frame follow.
    for (int turn = 0; turn < 5; ++turn) {
        m_controller->waitForComputation();
        QTest::qWait(15);
    }
}

void TestSliderDrag::saveFrame(int move) const
{
    const QString directory = qEnvironmentVariable("GDLAB_DRAG_FRAMES");
    if (directory.isEmpty())
        return;
    const QString name = QStringLiteral("%1/frame_%2.png").arg(directory).arg(move, 2, 10, QLatin1Char('0'));
    QVERIFY2(gdlab::ViewPicture::toImage(m_window.get(), 1).save(name), qPrintable(name));
}

void TestSliderDrag::expectViewsShow(const gdlab::Run& run)
{
    const gdlab::History& history = *run.history;
    const std::size_t last = history.size() - 1;
    const QCPGraph* loss = m_window->lossPlot()->lossGraph();
    QVERIFY(hasData(loss));
    const QCPGraphData& lossEnd = *(loss->data()->constEnd() - 1);
    QCOMPARE(lossEnd.key, static_cast<double>(history.iteration(last)));
    QCOMPARE(lossEnd.value, history.loss(last));

    const std::size_t row = static_cast<std::size_t>(m_controller->model()->currentRow());
    QCOMPARE(row, std::min<std::size_t>(10, last));
    const QCPCurve* path = m_window->contourPlot()->pathCurve();
    QVERIFY(hasData(path));
    const QCPCurveData& pathEnd = *(path->data()->constEnd() - 1);
    QCOMPARE(pathEnd.key, history.theta(row)(0));
    QCOMPARE(pathEnd.value, history.theta(row)(1));
}

void TestSliderDrag::fiftyMovesAcrossTheBound()
{
    constexpr int moves = 50;
    gdlab::LearningRateControl* control = m_window->controlPanel()->learningRateControl();
    QSlider* slider = control->slider();
    const double bound = control->bounds().divergenceBound;
    QVERIFY(bound > 0);

    // Start 25 steps below the bound: the 50 moves end 25 steps (about 15 %) above it.
    control->rateEdit()->setFocus();
    control->rateEdit()->selectAll();
    QTest::keyClicks(control->rateEdit(), QString::number(bound * std::pow(10.0, -25.0 / 400.0), 'g', 4));
    QTest::keyClick(control->rateEdit(), Qt::Key_Return);
    settle();
    QVERIFY(m_controller->model()->run()->settings.learningRate < bound);

    gdlab::FitPlot* fit = m_window->fitPlot();
    gdlab::LossPlot* lossView = m_window->lossPlot();
    gdlab::ContourPlot* contour = m_window->contourPlot();
    gdlab::BowlView* bowl = m_window->bowlView();
    PaintWatch fitPaints(
        fit->plot(), QEvent::Paint, [fit] { return hasData(fit->dataGraph()) && hasData(fit->currentLineGraph()); });
    PaintWatch lossPaints(lossView->plot(), QEvent::Paint, [lossView] { return hasData(lossView->lossGraph()); });
    PaintWatch contourPaints(contour->plot(), QEvent::Paint,
        [contour] { return hasData(contour->pathCurve()) && hasData(contour->currentPointCurve()); });
    std::unique_ptr<PaintWatch> bowlPaints;
    if (bowl->hasGraph())
        bowlPaints = std::make_unique<PaintWatch>(bowl->graph(), QEvent::UpdateRequest,
            [bowl] { return bowl->surfaceRowCount() > 0 && bowl->visiblePathMarkerCount() > 0; });

    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    bool crossed = false;
    slider->setSliderDown(true);
    for (int move = 0; move < moves; ++move) {
        const int fitBefore = fit->refreshCount();
        const int lossBefore = lossView->refreshCount();
        const int contourBefore = contour->refreshCount();
        const int bowlBefore = bowl->refreshCount();
        const int paintsBefore[]
            = { fitPaints.paints, lossPaints.paints, contourPaints.paints, bowlPaints ? bowlPaints->paints : 0 };
        const int resetsBefore = static_cast<int>(resets.count());
        slider->setSliderPosition(slider->sliderPosition() + 1);
        settle();

        const gdlab::Run* run = m_controller->model()->run();
        QVERIFY(run);
        QCOMPARE(static_cast<int>(resets.count()) - resetsBefore, 1);
        QCOMPARE(run->settings.learningRate, control->learningRate());
        QCOMPARE(fit->refreshCount() - fitBefore, 1);
        QCOMPARE(lossView->refreshCount() - lossBefore, 1);
        QCOMPARE(contour->refreshCount() - contourBefore, 1);
        QCOMPARE(bowl->refreshCount() - bowlBefore, 1);
        // Each view reached the screen with the new run: at least one paint after it, no frame in between.
        QVERIFY(fitPaints.paints > paintsBefore[0]);
        QVERIFY(lossPaints.paints > paintsBefore[1]);
        QVERIFY(contourPaints.paints > paintsBefore[2]);
        if (bowlPaints)
            QVERIFY(bowlPaints->paints > paintsBefore[3]);
        expectViewsShow(*run);
        saveFrame(move);
        if (QTest::currentTestFailed())
            return;
        crossed = crossed || run->settings.learningRate > bound;
    }
    slider->setSliderDown(false);
    settle();

    QVERIFY2(crossed, "the drag never went above the stability bound");
    QCOMPARE(m_controller->model()->run()->outcome->reason, gdlab::StopReason::Diverged);
    QCOMPARE(fitPaints.emptyPaints, 0);
    QCOMPARE(lossPaints.emptyPaints, 0);
    QCOMPARE(contourPaints.emptyPaints, 0);
    if (bowlPaints)
        QCOMPARE(bowlPaints->emptyPaints, 0);
}

} // namespace tst_slider_drag

QTEST_MAIN(tst_slider_drag::TestSliderDrag)
#include "tst_slider_drag.moc"
