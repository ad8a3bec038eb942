#include "panels/surface_slice_controls.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/contour_plot.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QtTest>

#include <memory>

using gdlab::ContourPlot;
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
    void holdModeSaysWhich();
    void noInterceptThreeParameters();
    void twoParametersOnlyNameTheAxes();
    void oneParameterSaysThereIsNoSurface();
    void fitsAboveTheContourView();

private:
    void load(const char* lesson);
    void settle();
    /** Chooses item index in combo the way a user does (activated, not only currentIndexChanged). */
    static void choose(QComboBox* combo, int index);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
    std::unique_ptr<ContourPlot> m_contour;
    std::unique_ptr<SurfaceSliceControls> m_controls;
};

void TestSurfaceSliceControls::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
    m_contour = std::make_unique<ContourPlot>(m_controller->model(), m_surface.get());
    m_contour->resize(600, 400);
    m_controls = std::make_unique<SurfaceSliceControls>(m_surface.get(), m_controller.get());
}

void TestSurfaceSliceControls::cleanup()
{
    m_controls.reset();
    m_contour.reset();
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
    QCoreApplication::processEvents(); // the surface arrives queued
    m_contour->plot()->replot();
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
    QCOMPARE(m_controller->problem()->parameterCount(), Eigen::Index(3));
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
    QVERIFY2(m_contour->subtitle().startsWith(QStringLiteral("θ0 (intercept) = ")), qPrintable(m_contour->subtitle()));

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
    QCOMPARE(m_contour->plot()->xAxis->label(), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(m_contour->plot()->yAxis->label(), QStringLiteral("θ2 (slope of x2)"));
    QVERIFY2(m_contour->subtitle().startsWith(QStringLiteral("θ1 (x1) = ")), qPrintable(m_contour->subtitle()));
    QVERIFY(m_contour->subtitle().contains(QStringLiteral("least-squares")));

    choose(m_controls->yCombo(), 1); // θ0 × θ1, θ2 held
    settle();
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(m_contour->subtitle().startsWith(QStringLiteral("θ2 (x2) = ")), qPrintable(m_contour->subtitle()));

    // A standardize toggle keeps the user's choice (the same parameters, scaled).
    gdlab::ProblemSpec spec = m_controller->problemSpec();
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

void TestSurfaceSliceControls::holdModeSaysWhich()
{
    load("two_features_n100");
    m_controller->model()->setCurrentRow(12);
    choose(m_controls->holdCombo(), 1);
    settle();
    QCOMPARE(m_surface->holdMode(), HoldMode::CurrentIterate);
    QVERIFY(m_surface->basePoint() == m_controller->model()->theta(12));
    QVERIFY2(m_contour->subtitle().contains(QStringLiteral("current iterate (iteration 12)")),
        qPrintable(m_contour->subtitle()));
    choose(m_controls->holdCombo(), 0);
    settle();
    QCOMPARE(m_surface->holdMode(), HoldMode::LeastSquares);
    QVERIFY(m_contour->subtitle().contains(QStringLiteral("least-squares")));
    // Set from elsewhere (a menu, a test): the combo follows.
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    settle();
    QCOMPARE(m_controls->holdCombo()->currentIndex(), 1);
}

void TestSurfaceSliceControls::noInterceptThreeParameters()
{
    load("three_features_ints_n20");
    const gdlab::Problem& problem = *m_controller->problem();
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
    QVERIFY2(m_contour->subtitle().startsWith(QStringLiteral("θ3 (")), qPrintable(m_contour->subtitle()));

    choose(m_controls->xCombo(), 2); // θ3 × θ2, θ1 held
    settle();
    QCOMPARE(m_surface->xParameter(), 2);
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(m_contour->subtitle().startsWith(QStringLiteral("θ1 (")), qPrintable(m_contour->subtitle()));
    QVERIFY(m_contour->plot()->xAxis->label().startsWith(QStringLiteral("θ3")));
    choose(m_controls->holdCombo(), 1);
    settle();
    QVERIFY2(m_contour->subtitle().contains(QStringLiteral("current iterate")), qPrintable(m_contour->subtitle()));
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
    QCOMPARE(m_contour->subtitle(), QString());

    load("two_features_n100");
    QVERIFY(m_controls->isChoosing());
    QCOMPARE(m_controls->noteText(), QString());
}

void TestSurfaceSliceControls::oneParameterSaysThereIsNoSurface()
{
    QVERIFY(m_controls->noteText().contains(QStringLiteral("no data")));
    load("five_points");
    gdlab::ProblemSpec spec = m_controller->problemSpec();
    spec.intercept = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    settle();
    QVERIFY(!m_controls->isChoosing());
    QVERIFY2(m_controls->noteText().contains(QStringLiteral("one parameter")), qPrintable(m_controls->noteText()));
}

void TestSurfaceSliceControls::fitsAboveTheContourView()
{
    load("two_features_n100");
    // At 1280x720 the contour view is about a third of the window wide; the row must fit in it, on one line.
    QVERIFY2(m_controls->minimumSizeHint().width() <= 420,
        qPrintable(QString::number(m_controls->minimumSizeHint().width())));
    QVERIFY(m_controls->sizeHint().height() <= 2 * m_controls->fontMetrics().height() + 12);
}

QTEST_MAIN(TestSurfaceSliceControls)
#include "tst_surface_slice_controls.moc"
