#pragma once

// Test support for the 3-D bowl and its pieces: the session they draw (a controller, its model and the surface
// model) and a graph to draw on, plus comparisons of the graph's float positions. The graph needs OpenGL: tests
// call REQUIRE_BOWL_GRAPH() and are skipped on the offscreen platform (ctest runs them under xvfb-run).

#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/bowl_graph_host.h"

#include "loss.h"
#include "problem.h"
#include "run.h"

#include <QGuiApplication>
#include <QString>
#include <QVector3D>
#include <QtTest>

#include <algorithm>
#include <memory>

namespace gdlab::test {

/** @brief A point of the bowl in data coordinates: (x, loss, z). */
inline QVector3D bowlPoint(double x, double loss, double z)
{
    return { static_cast<float>(x), static_cast<float>(loss), static_cast<float>(z) };
}

/** @brief Equal as the graph stores them (floats), relative to the point's size. */
inline bool nearBowlPoint(const QVector3D& actual, const QVector3D& expected)
{
    const float scale = std::max(1.0f, expected.length());
    return (actual - expected).length() <= 1e-5f * scale;
}

inline QString describe(const QVector3D& a, const QVector3D& b)
{
    return QStringLiteral("(%1, %2, %3) vs (%4, %5, %6)")
        .arg(a.x())
        .arg(a.y())
        .arg(a.z())
        .arg(b.x())
        .arg(b.y())
        .arg(b.z());
}

/**
 * @brief Where a surface view draws theta: the live loss at theta's projection onto the surface's slice (its two
 * coordinates, the others at the slice's held values), summed here straight from the rows.
 */
inline QVector3D onSlice(const ErrorSurfaceModel& surface, const Run& run, const Eigen::VectorXd& theta)
{
    Eigen::VectorXd projected = surface.basePoint();
    projected(surface.xParameter()) = theta(surface.xParameter());
    projected(surface.yParameter()) = theta(surface.yParameter());
    const Problem& problem = *run.problem;
    const double sum = (problem.design() * projected - problem.target()).squaredNorm();
    return bowlPoint(projected(surface.xParameter()), lossWeight(run.settings.loss, problem.sampleCount()) * sum,
        projected(surface.yParameter()));
}

/** @brief A session and a graph host to draw it on; the host has a graph only with OpenGL. */
struct BowlScene {
    SessionController controller;
    ErrorSurfaceModel surface { controller.model() };
    std::unique_ptr<BowlGraphHost> host = std::make_unique<BowlGraphHost>();

    IterationModel& model() { return *controller.model(); }

    /** @brief Opens a lesson and waits for its whole run. */
    bool load(const char* lesson)
    {
        if (!controller.loadLesson(QString::fromLatin1(lesson)).isEmpty())
            return false;
        controller.waitForComputation();
        QCoreApplication::processEvents(); // a streamed run's rows and end arrive queued
        return true;
    }
};

} // namespace gdlab::test

#define REQUIRE_BOWL_GRAPH()                                                                                           \
    do {                                                                                                               \
        if (!gdlab::BowlGraphHost::openGLAvailable())                                                                  \
            QSKIP(qPrintable(QStringLiteral("no OpenGL on platform '%1' (run under xvfb-run for this test)")           \
                                 .arg(QGuiApplication::platformName())));                                              \
    } while (false)
