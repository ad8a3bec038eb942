#include "panels/surface_slice_controls.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tst_surface_slice_controls {

using gdlab::ErrorSurfaceModel;
using gdlab::SessionController;
using gdlab::SurfaceSliceControls;
using HoldMode = gdlab::ErrorSurfaceModel::HoldMode;

class TestSurfaceSliceControls : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaultSliceIsTheFirstTwoCoefficients();
    void choosingUpdatesTheSurfaceAndTheSubtitle();
    void choosingTheSameParameterSwaps();
    void choicesAreIntentsOnly();
    void holdModeSaysWhich();
    void noInterceptThreeParameters();
    void twoParametersOnlyNameTheAxes();
    void oneParameterSaysThereIsNoSurface();
    void oneRunResetOneRefresh();
    void fitsAboveTheContourView();

private:
    void load(const char* lesson);
    void settle();
    /** Chooses item index in combo the way a user does (activated, not only currentIndexChanged). */
    static void choose(QComboBox* combo, int index);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
    std::unique_ptr<SurfaceSliceControls> m_controls;
};

void TestSurfaceSliceControls::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
    m_controls = std::make_unique<SurfaceSliceControls>(m_surface.get(), m_controller->model());
    // Routed as the main window routes them.
    connect(m_controls.get(), &SurfaceSliceControls::sliceChosen, m_surface.get(), &ErrorSurfaceModel::setParameters);
    connect(m_controls.get(), &SurfaceSliceControls::holdModeChosen, m_surface.get(), &ErrorSurfaceModel::setHoldMode);
}

void TestSurfaceSliceControls::cleanup()
{
    m_controls.reset();
    m_surface.reset();
    m_controller.reset();
}

void TestSurfaceSliceControls::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
    settle();
}

void TestSurfaceSliceControls::settle()
{
    QCoreApplication::processEvents(); // the surface's notices arrive queued
}

void TestSurfaceSliceControls::choose(QComboBox* combo, int index)
{
    QVERIFY(combo->isEnabled());
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

void TestSurfaceSliceControls::defaultSliceIsTheFirstTwoCoefficients()
{
    load("two_features_n100");
    QCOMPARE(m_controller->model()->run()->problem->parameterCount(), Eigen::Index(3));
    QVERIFY(m_controls->isChoosing());
    QCOMPARE(m_controls->parameterLabels(),
        QStringList({ QStringLiteral("θ0 (intercept)"), QStringLiteral("θ1 (x1)"), QStringLiteral("θ2 (x2)") }));
    QCOMPARE(m_controls->xCombo()->count(), 3);
    // The intercept is held; the map is over the two coefficients.
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
    QCOMPARE(m_controls->xCombo()->currentText(), QStringLiteral("θ1 (x1)"));
    QCOMPARE(m_controls->yCombo()->currentText(), QStringLiteral("θ2 (x2)"));
    QCOMPARE(m_controls->holdCombo()->currentIndex(), 0);
    QVERIFY2(m_surface->sliceDescription().startsWith(QStringLiteral("θ0 (intercept) = ")),
        qPrintable(m_surface->sliceDescription()));

    // One feature: intercept and slope.
    load("five_points");
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    // And back: the multi-feature default again, not the one-feature slice carried over.
    load("two_features_n50");
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
}

void TestSurfaceSliceControls::choosingUpdatesTheSurfaceAndTheSubtitle()
{
    load("two_features_n100");
    choose(m_controls->xCombo(), 0); // θ0 × θ2, θ1 held
    settle();
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 2);
    QCOMPARE(m_surface->grid().x.parameter, Eigen::Index(0));
    QCOMPARE(m_surface->axisTitle(m_surface->xParameter()), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(m_surface->axisTitle(m_surface->yParameter()), QStringLiteral("θ2 (slope of x2)"));
    QVERIFY2(m_surface->sliceDescription().startsWith(QStringLiteral("θ1 (x1) = ")),
        qPrintable(m_surface->sliceDescription()));
    QVERIFY(m_surface->sliceDescription().contains(QStringLiteral("least-squares")));

    choose(m_controls->yCombo(), 1); // θ0 × θ1, θ2 held
    settle();
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(m_surface->sliceDescription().startsWith(QStringLiteral("θ2 (x2) = ")),
        qPrintable(m_surface->sliceDescription()));

    // A standardize toggle keeps the user's choice (the same parameters, scaled).
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    settle();
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    QCOMPARE(m_controls->xCombo()->currentIndex(), 0);
    QCOMPARE(m_controls->yCombo()->currentIndex(), 1);
}

void TestSurfaceSliceControls::choosingTheSameParameterSwaps()
{
    load("two_features_n100"); // (θ1, θ2)
    choose(m_controls->xCombo(), 2);
    settle();
    QCOMPARE(m_surface->xParameter(), 2);
    QCOMPARE(m_surface->yParameter(), 1);
    QCOMPARE(m_controls->yCombo()->currentIndex(), 1);
    choose(m_controls->yCombo(), 2);
    settle();
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
    QCOMPARE(m_controls->xCombo()->currentIndex(), 1);
}

void TestSurfaceSliceControls::choicesAreIntentsOnly()
{
    load("two_features_n100");
    // Unrouted, a choice is only a signal: the surface model decides, and the combos show what it holds.
    disconnect(m_controls.get(), nullptr, m_surface.get(), nullptr);
    QSignalSpy slices(m_controls.get(), &SurfaceSliceControls::sliceChosen);
    QSignalSpy holds(m_controls.get(), &SurfaceSliceControls::holdModeChosen);
    choose(m_controls->xCombo(), 0);
    QCOMPARE(slices.count(), 1);
    QCOMPARE(slices.at(0).at(0).toInt(), 0);
    QCOMPARE(slices.at(0).at(1).toInt(), 2);
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_controls->xCombo()->currentIndex(), 1);
    choose(m_controls->yCombo(), 1); // the parameter x shows: a swap, (θ2, θ1)
    QCOMPARE(slices.count(), 2);
    QCOMPARE(slices.at(1).at(0).toInt(), 2);
    QCOMPARE(slices.at(1).at(1).toInt(), 1);
    choose(m_controls->holdCombo(), 1);
    QCOMPARE(holds.count(), 1);
    QCOMPARE(holds.at(0).at(0).value<HoldMode>(), HoldMode::CurrentIterate);
    // Shown back from the model, nothing is chosen again.
    settle();
    QCOMPARE(slices.count(), 2);
    QCOMPARE(holds.count(), 1);
}

void TestSurfaceSliceControls::holdModeSaysWhich()
{
    load("two_features_n100");
    m_controller->model()->setCurrentRow(12);
    choose(m_controls->holdCombo(), 1);
    settle();
    QCOMPARE(m_surface->holdMode(), HoldMode::CurrentIterate);
    QVERIFY(m_surface->basePoint() == m_controller->model()->theta(12));
    QVERIFY2(m_surface->sliceDescription().contains(QStringLiteral("current iterate (iteration 12)")),
        qPrintable(m_surface->sliceDescription()));
    choose(m_controls->holdCombo(), 0);
    settle();
    QCOMPARE(m_surface->holdMode(), HoldMode::LeastSquares);
    QVERIFY(m_surface->sliceDescription().contains(QStringLiteral("least-squares")));
    // Set from elsewhere (a menu, a test): the combo follows.
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    settle();
    QCOMPARE(m_controls->holdCombo()->currentIndex(), 1);
    QCOMPARE(m_controls->holdCombo()->itemText(0), QStringLiteral("others at least squares"));
    // The logistic model's optimum is Newton's.
    load("logistic_homework");
    QCOMPARE(m_controls->holdCombo()->itemText(0), QStringLiteral("others at Newton's optimum"));
}

void TestSurfaceSliceControls::noInterceptThreeParameters()
{
    load("three_features_ints_n20");
    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    QVERIFY(!problem.hasIntercept());
    QCOMPARE(problem.parameterCount(), Eigen::Index(3));
    QVERIFY(m_controls->isChoosing());
    const QStringList labels = m_controls->parameterLabels();
    QCOMPARE(labels.size(), 3);
    QVERIFY2(labels[0].startsWith(QStringLiteral("θ1 (")), qPrintable(labels[0]));
    QVERIFY2(labels[2].startsWith(QStringLiteral("θ3 (")), qPrintable(labels[2]));
    QVERIFY(!labels.join(QString()).contains(QStringLiteral("intercept")));
    // Default: the first two coefficients, θ1 and θ2, with θ3 held.
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(
        m_surface->sliceDescription().startsWith(QStringLiteral("θ3 (")), qPrintable(m_surface->sliceDescription()));

    choose(m_controls->xCombo(), 2); // θ3 × θ2, θ1 held
    settle();
    QCOMPARE(m_surface->xParameter(), 2);
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(
        m_surface->sliceDescription().startsWith(QStringLiteral("θ1 (")), qPrintable(m_surface->sliceDescription()));
    QVERIFY(m_surface->axisTitle(m_surface->xParameter()).startsWith(QStringLiteral("θ3")));
    choose(m_controls->holdCombo(), 1);
    settle();
    QVERIFY2(m_surface->sliceDescription().contains(QStringLiteral("current iterate")),
        qPrintable(m_surface->sliceDescription()));
}

void TestSurfaceSliceControls::twoParametersOnlyNameTheAxes()
{
    load("five_points");
    QVERIFY(!m_controls->isChoosing());
    QVERIFY(!m_controls->xCombo()->isVisibleTo(m_controls.get()));
    QVERIFY(!m_controls->holdCombo()->isVisibleTo(m_controls.get()));
    QVERIFY2(
        m_controls->noteText().contains(QStringLiteral("θ0 (intercept) × θ1 (x)")), qPrintable(m_controls->noteText()));
    QVERIFY(m_controls->noteText().contains(QStringLiteral("whole loss")));
    QCOMPARE(m_surface->sliceDescription(), QString());

    load("two_features_n100");
    QVERIFY(m_controls->isChoosing());
    QCOMPARE(m_controls->noteText(), QString());
}

void TestSurfaceSliceControls::oneParameterSaysThereIsNoSurface()
{
    QVERIFY(m_controls->noteText().contains(QStringLiteral("no data")));
    load("five_points");
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.intercept = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(!m_controls->isChoosing());
    QVERIFY2(m_controls->noteText().contains(QStringLiteral("one parameter")), qPrintable(m_controls->noteText()));
}

void TestSurfaceSliceControls::oneRunResetOneRefresh()
{
    load("two_features_n100");
    choose(m_controls->xCombo(), 0);
    settle();
    const int before = m_controls->refreshCount();
    QSignalSpy slices(m_controls.get(), &SurfaceSliceControls::sliceChosen);
    // New settings keep the parameters: one refresh, the user's slice stays in the combos.
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    settle();
    QCOMPARE(m_controls->refreshCount(), before + 1);
    QCOMPARE(m_controls->xCombo()->currentIndex(), 0);
    QCOMPARE(m_controls->yCombo()->currentIndex(), 2);
    // Another lesson: one refresh, the default slice of its parameters.
    load("three_features_ints_n20");
    QCOMPARE(m_controls->refreshCount(), before + 2);
    QCOMPARE(m_controls->xCombo()->currentIndex(), 0);
    QCOMPARE(m_controls->yCombo()->currentIndex(), 1);
    QVERIFY(m_controls->xCombo()->currentText().startsWith(QStringLiteral("θ1 (")));
    QCOMPARE(slices.count(), 0);
}

void TestSurfaceSliceControls::fitsAboveTheContourView()
{
    load("two_features_n100");
    // At 1024x700 the contour view is about 350 px wide: the row never asks for more than a view's width (it
    // wraps), takes at most two lines there, and none of its controls overlaps another or leaves the row.
    QVERIFY2(m_controls->minimumSizeHint().width() <= 300,
        qPrintable(QString::number(m_controls->minimumSizeHint().width())));
    QVERIFY(m_controls->hasHeightForWidth());
    const int line = m_controls->xCombo()->sizeHint().height();
    QVERIFY(m_controls->heightForWidth(350) <= 2 * line + 4);
    QCOMPARE(m_controls->heightForWidth(1000), line);
    m_controls->resize(350, m_controls->heightForWidth(350));
    m_controls->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_controls.get()));
    QList<QRect> placed;
    for (QWidget* child : m_controls->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible())
            continue;
        QVERIFY2(m_controls->rect().contains(child->geometry()), qPrintable(child->metaObject()->className()));
        for (const QRect& other : std::as_const(placed))
            QVERIFY(!other.intersects(child->geometry()));
        placed << child->geometry();
    }
}

} // namespace tst_surface_slice_controls

QTEST_MAIN(tst_surface_slice_controls::TestSurfaceSliceControls)
#include "tst_surface_slice_controls.moc"
