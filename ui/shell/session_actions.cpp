#include "shell/session_actions.h"

#include "data/data_opener.h"
#include "data/recent_files.h"
#include "race_entry.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/race.h"
#include "session/saved_session.h"
#include "session/session_controller.h"
#include "session/session_file.h"
#include "shell/guide_runner.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/race_launcher.h"
#include "shell/second_view_tabs.h"
#include "shell/window_settings.h"
#include "views/bowl_view.h"
#include "views/loss_plot.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QStatusBar>

#include <cmath>
#include <exception>
#include <memory>
#include <optional>

namespace gdlab {

namespace {

const QString kFilter = QStringLiteral("gdlab sessions (*.gdlab);;All files (*)");

QString holdName(ErrorSurfaceModel::HoldMode mode)
{
    return mode == ErrorSurfaceModel::HoldMode::CurrentIterate ? QStringLiteral("current") : QStringLiteral("optimum");
}

QJsonObject cameraJson(const BowlCamera& camera)
{
    return { { QStringLiteral("x_rotation"), camera.xRotation }, { QStringLiteral("y_rotation"), camera.yRotation },
        { QStringLiteral("zoom"), camera.zoomLevel },
        { QStringLiteral("target"), QJsonArray { camera.target.x(), camera.target.y(), camera.target.z() } } };
}

/** The camera json describes, or none when a number is missing or not finite (the view keeps its own). */
std::optional<BowlCamera> cameraFromJson(const QJsonObject& json)
{
    const QJsonArray target = json.value(QLatin1String("target")).toArray();
    const QJsonValue values[] = { json.value(QLatin1String("x_rotation")), json.value(QLatin1String("y_rotation")),
        json.value(QLatin1String("zoom")), target.at(0), target.at(1), target.at(2) };
    for (const QJsonValue& value : values)
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return std::nullopt;
    const auto number = [&values](int index) { return static_cast<float>(values[index].toDouble()); };
    return BowlCamera { number(0), number(1), number(2), QVector3D(number(3), number(4), number(5)) };
}

} // namespace

SessionActions::SessionActions(MainWindow* window, MainActions* actions)
    : QObject(window)
    , m_window(window)
{
    connect(actions->openSession(), &QAction::triggered, this, &SessionActions::openInteractively);
    connect(actions->saveSession(), &QAction::triggered, this, [this] { saveInteractively(m_path.isEmpty()); });
    connect(actions->saveSessionAs(), &QAction::triggered, this, [this] { saveInteractively(true); });
    // A session chosen from File › Open recent or dropped on the window.
    connect(window->dataOpener(), &DataOpener::sessionRequested, this, &SessionActions::openAndReport);
}

QJsonObject SessionActions::viewsJson() const
{
    const ErrorSurfaceModel* surface = m_window->surfaceModel();
    const QJsonObject slice { { QStringLiteral("x"), surface->xParameter() },
        { QStringLiteral("y"), surface->yParameter() }, { QStringLiteral("hold"), holdName(surface->holdMode()) },
        { QStringLiteral("follow"), surface->followsCurrent() } };
    QJsonObject views { { QStringLiteral("loss_axis"),
                            m_window->lossPlot()->isLogarithmic() ? QStringLiteral("log") : QStringLiteral("linear") },
        { QStringLiteral("surface"), slice },
        { QStringLiteral("second_view"), m_window->secondViewTabs()->currentIndex() } };
    if (const std::optional<BowlCamera> camera = m_window->bowlView()->camera())
        views.insert(QStringLiteral("bowl"), cameraJson(*camera));
    views.insert(QStringLiteral("layout"), layoutJson());
    return views;
}

QJsonObject SessionActions::layoutJson() const
{
    QJsonObject splitters;
    const QMap<QString, QByteArray> states = WindowSettings::splitterStates(m_window);
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        splitters.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    return { { QStringLiteral("presentation"), m_window->isPresentationMode() },
        { QStringLiteral("splitters"), splitters } };
}

void SessionActions::applyLayout(const QJsonObject& layout)
{
    const QJsonObject splitters = layout.value(QLatin1String("splitters")).toObject();
    QMap<QString, QByteArray> states;
    for (auto it = splitters.constBegin(); it != splitters.constEnd(); ++it)
        if (it.value().isString())
            states.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    WindowSettings::restoreSplitters(m_window, states);
    const QJsonValue presentation = layout.value(QLatin1String("presentation"));
    if (presentation.isBool())
        m_window->setPresentationMode(presentation.toBool());
}

void SessionActions::applyViews(const QJsonObject& views)
{
    const QString axis = views.value(QLatin1String("loss_axis")).toString();
    if (axis == QLatin1String("log") || axis == QLatin1String("linear"))
        m_window->lossPlot()->setLogarithmic(axis == QLatin1String("log"));
    ErrorSurfaceModel* surface = m_window->surfaceModel();
    const QJsonObject slice = views.value(QLatin1String("surface")).toObject();
    surface->xParameter(); // brings the slice to the run on screen first, so that the saved one is not reset
    surface->setParameters(slice.value(QLatin1String("x")).toInt(surface->xParameter()),
        slice.value(QLatin1String("y")).toInt(surface->yParameter()));
    const QString hold = slice.value(QLatin1String("hold")).toString();
    if (hold == holdName(ErrorSurfaceModel::HoldMode::CurrentIterate))
        surface->setHoldMode(ErrorSurfaceModel::HoldMode::CurrentIterate);
    else if (hold == holdName(ErrorSurfaceModel::HoldMode::LeastSquares))
        surface->setHoldMode(ErrorSurfaceModel::HoldMode::LeastSquares);
    surface->setFollowCurrent(slice.value(QLatin1String("follow")).toBool(surface->followsCurrent()));
    const int tab = views.value(QLatin1String("second_view")).toInt(-1);
    if (tab >= 0 && tab < m_window->secondViewTabs()->count())
        m_window->secondViewTabs()->setCurrentIndex(tab);
    if (const std::optional<BowlCamera> camera = cameraFromJson(views.value(QLatin1String("bowl")).toObject()))
        m_window->bowlView()->setCamera(*camera);
    applyLayout(views.value(QLatin1String("layout")).toObject());
}

bool SessionActions::save(const QString& path, QString* errorMessage)
{
    if (!saveCopy(path, errorMessage))
        return false;
    m_path = path;
    return true;
}

bool SessionActions::saveCopy(const QString& path, QString* errorMessage) const
{
    const Run* run = m_window->controller()->latestRun();
    if (!run) {
        *errorMessage = tr("There is no session to save yet.");
        return false;
    }
    const IterationModel* model = m_window->controller()->model();
    const long long iteration = model->rowCount() > 0 ? model->iteration(model->currentRow()) : 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    std::vector<const Run*> pins;
    const PinnedRuns* pinned = m_window->pinnedRuns();
    for (int index = 0; index < pinned->count(); ++index)
        if (!pinned->run(index).raced)
            pins.push_back(pinned->run(index).run.get());
    const Race* race = m_window->raceLauncher()->race();
    file.write(SessionFile::write(*run, iteration, viewsJson(), pins, race->isActive() ? raceText(race->entries()) : "",
        m_window->guideRunner()->sessionJson()));
    if (!file.commit()) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString SessionActions::openCopy(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot open %1: %2").arg(path, file.errorString());
    QString error;
    const std::optional<SavedSession> session = SessionFile::read(file.readAll(), path, &error);
    if (!session)
        return error;
    SessionController* controller = m_window->controller();
    error = controller->openSession(*session);
    if (!error.isEmpty())
        return tr("%1: %2").arg(path, error);
    controller->waitForComputation();
    // Pins are runs on the session's problem: computed again from their settings, as they were pinned.
    for (const SolverSettings& settings : session->pins) {
        try {
            Run pinned = withSettings(*controller->latestRun(), settings);
            descend(pinned);
            m_window->pinnedRuns()->pinFinished(std::make_shared<const Run>(std::move(pinned)));
        } catch (const std::exception& error) {
            return tr("%1: a pinned run cannot run on this data: %2").arg(path, QString::fromUtf8(error.what()));
        }
    }
    // The race the session had, or none (even on a lesson that opens with one: the teacher stopped it).
    if (session->race.empty())
        m_window->raceLauncher()->stop();
    else if (const QString refusal = m_window->raceLauncher()->start(QString::fromStdString(session->race));
             !refusal.isEmpty())
        return tr("%1: its race cannot run on this data: %2").arg(path, refusal);
    applyViews(session->views);
    // The screen is the session's; the guide comes back at its step without applying it again. A guide that is
    // gone leaves the session open and says so.
    if (!session->guide.isEmpty()) {
        const QString guideError = m_window->guideRunner()->resume(session->guide);
        if (!guideError.isEmpty())
            m_window->statusBar()->showMessage(tr("The session's guide did not open: %1").arg(guideError), 10000);
    } else if (m_window->guideRunner()->isOpen()) {
        m_window->guideRunner()->close();
    }
    return {};
}

QString SessionActions::open(const QString& path)
{
    const QString error = openCopy(path);
    if (error.isEmpty())
        m_path = path;
    return error;
}

void SessionActions::remember(const QString& path) const
{
    RecentFiles* recent = m_window->dataOpener()->recentFiles();
    recent->add(path);
    recent->rememberDirectory(path);
}

QString SessionActions::startFolder() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).absolutePath();
    return m_window->dataOpener()->recentFiles()->startDirectory();
}

void SessionActions::saveInteractively(bool choosePath)
{
    QString path = m_path;
    if (choosePath) {
        const Run* run = m_window->controller()->latestRun();
        const QString name
            = run && !run->lessonName.empty() ? QString::fromStdString(run->lessonName) : QStringLiteral("session");
        path = QFileDialog::getSaveFileName(
            m_window, tr("Save session"), startFolder() + QLatin1Char('/') + name + QStringLiteral(".gdlab"), kFilter);
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".gdlab");
    }
    QString error;
    if (!save(path, &error)) {
        m_window->statusBar()->showMessage(error, 8000);
        return;
    }
    remember(path);
    m_window->statusBar()->showMessage(tr("Saved the session to %1").arg(path), 6000);
}

void SessionActions::openInteractively()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open session"), startFolder(), kFilter);
    if (!path.isEmpty())
        openAndReport(path);
}

void SessionActions::openAndReport(const QString& path)
{
    const QString error = open(path);
    if (error.isEmpty())
        remember(path);
    m_window->statusBar()->showMessage(error.isEmpty() ? tr("Opened the session %1").arg(path) : error, 8000);
}

} // namespace gdlab
