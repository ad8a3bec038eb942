#include "shell/guide_runner.h"

#include "csv_reader.h"
#include "panels/playback_bar.h"
#include "session/guide_catalog.h"
#include "session/guide_reader.h"
#include "session/guide_text.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/run_json.h"
#include "session/run_json_reader.h"
#include "session/session_controller.h"
#include "shell/edit_focus_guard.h"
#include "shell/guide_bar.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/second_view_tabs.h"
#include "views/view_frame.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include <algorithm>
#include <exception>

namespace gdlab {

GuideRunner::GuideRunner(MainWindow* window, GuideBar* bar, MainActions* actions)
    : QObject(window)
    , m_window(window)
    , m_bar(bar)
{
    m_bar->hide();
    connect(m_bar, &GuideBar::nextRequested, this, &GuideRunner::next);
    connect(m_bar, &GuideBar::backRequested, this, &GuideRunner::back);
    connect(m_bar, &GuideBar::answerRequested, this, &GuideRunner::showAnswer);
    connect(m_bar, &GuideBar::closeRequested, this, &GuideRunner::close);
    const IterationModel* model = window->controller()->model();
    connect(model, &IterationModel::currentRowChanged, this, &GuideRunner::onRowChanged);
    connect(model, &IterationModel::runReset, this, &GuideRunner::refresh);
    connect(model, &IterationModel::runFinished, this, &GuideRunner::refresh);
    connect(actions->openGuide(), &QAction::triggered, this, &GuideRunner::openInteractively);
    fillMenu(actions->guidesMenu());
    // Page Up and Page Down reach the guide before any widget: a spin box would otherwise take them as its own.
    qApp->installEventFilter(this);
}

void GuideRunner::fillMenu(QMenu* menu)
{
    for (const QString& name : GuideCatalog::names()) {
        QString error;
        const std::optional<Guide> guide = GuideCatalog::load(name, &error);
        QAction* action = menu->addAction(guide ? guide->title : name);
        action->setToolTip(guide ? tr("The guide %1 (gdlab --guide %1)").arg(name) : error);
        connect(action, &QAction::triggered, this, [this, name] { report(open(name)); });
    }
}

void GuideRunner::openInteractively()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open guide"), QString(), tr("gdlab guides (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    report(open(path));
}

void GuideRunner::report(const QString& message)
{
    if (message.isEmpty())
        return;
    m_window->statusBar()->showMessage(message, 10000);
    // Window-modal but not blocking, as the window's other messages: the line and column are there to be read.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("gdlab"), message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString GuideRunner::open(const QString& nameOrPath, int step)
{
    QString error;
    const std::optional<Guide> guide = GuideCatalog::load(nameOrPath, &error);
    if (!guide)
        return error;
    return open(*guide, step);
}

QString GuideRunner::open(const Guide& guide, int step)
{
    // Checked before anything changes, so that a step the guide does not have leaves the guide that was open.
    if (step < 0 || step >= int(guide.steps.size()))
        return tr("There is no step %1 in %2, which has %3.").arg(step + 1).arg(guide.title).arg(guide.steps.size());
    stopPlaying();
    m_guide = guide;
    m_open = true;
    m_bar->show();
    return goTo(step);
}

QString GuideRunner::resume(const QJsonObject& session)
{
    const QString nameOrPath = session.contains(QLatin1String("name"))
        ? session.value(QLatin1String("name")).toString()
        : session.value(QLatin1String("path")).toString();
    QString error;
    const std::optional<Guide> guide = GuideCatalog::load(nameOrPath, &error);
    if (!guide)
        return error;
    stopPlaying();
    m_guide = *guide;
    m_open = true;
    m_step = std::clamp(session.value(QLatin1String("step")).toInt(1) - 1, 0, int(m_guide.steps.size()) - 1);
    m_answerShown = false;
    m_message.clear();
    emphasise(m_guide.steps[std::size_t(m_step)].emphasise);
    m_bar->show();
    refresh();
    emit stepChanged();
    return {};
}

QString GuideRunner::goTo(int step, bool animate)
{
    if (!m_open || step < 0 || step >= int(m_guide.steps.size()))
        return tr("There is no step %1 in this guide.").arg(step + 1);
    stopPlaying();
    m_step = step;
    m_answerShown = false;
    m_message = applyStart();
    SessionController* controller = m_window->controller();
    QJsonObject pending;
    for (int index = 0; m_message.isEmpty() && index <= step; ++index) {
        const GuideStep& current = m_guide.steps[std::size_t(index)];
        if (current.pin) {
            m_message = applySettings(pending);
            pending = {};
            controller->waitForComputation();
            m_window->pinnedRuns()->pinCurrent();
        }
        pending = GuideReader::overlay(pending, current.settings);
    }
    if (m_message.isEmpty())
        m_message = applySettings(pending);
    controller->waitForComputation();
    IterationModel* model = controller->model();
    const GuideStep& shown = m_guide.steps[std::size_t(step)];
    const long long before = cursorAfter(step - 1);
    if (m_message.isEmpty() && animate && shown.playTo)
        play(std::max(0LL, before), *shown.playTo, shown.playSpeed);
    else if (m_message.isEmpty() && cursorAfter(step) >= 0)
        model->setCurrentRow(model->rowForIteration(cursorAfter(step)));
    emphasise(shown.emphasise);
    refresh();
    emit stepChanged();
    return m_message;
}

QString GuideRunner::applyStart()
{
    SessionController* controller = m_window->controller();
    if (!m_guide.lesson.isEmpty())
        return controller->loadLesson(m_guide.lesson);
    try {
        const Dataset dataset = CsvReader::readFile(m_guide.dataPath.toStdString());
        const QString error = controller->openDataset(dataset, ProblemSpec {}, QFileInfo(m_guide.dataPath).fileName());
        if (!error.isEmpty())
            return error;
        // Other data keeps the settings on screen; a guide on a CSV starts from the defaults its reader checked.
        controller->setGhostIterations({});
        return controller->setSettings(SolverSettings {});
    } catch (const std::exception& failure) {
        return QString::fromUtf8(failure.what());
    }
}

QString GuideRunner::applySettings(const QJsonObject& partial)
{
    SessionController* controller = m_window->controller();
    if (partial.isEmpty() || !controller->latestRun())
        return {};
    const QJsonObject whole = GuideReader::overlay(RunJson::settings(*controller->latestRun()), partial);
    SolverSettings settings;
    std::vector<long long> ghosts;
    QString error;
    if (!RunJsonReader::readSettings(whole, &settings, &ghosts, &error))
        return error;
    if (ghosts != controller->latestRun()->ghostIterations)
        controller->setGhostIterations(ghosts);
    if (settings == controller->latestRun()->settings)
        return {};
    return controller->setSettings(settings);
}

long long GuideRunner::cursorAfter(int step) const
{
    for (int index = std::min(step, int(m_guide.steps.size()) - 1); index >= 0; --index) {
        const GuideStep& current = m_guide.steps[std::size_t(index)];
        if (current.cursor)
            return *current.cursor;
        if (current.playTo)
            return *current.playTo;
    }
    return -1;
}

void GuideRunner::play(long long fromIteration, long long toIteration, int speed)
{
    IterationModel* model = m_window->controller()->model();
    PlaybackBar* playback = m_window->playbackBar();
    model->setCurrentRow(model->rowForIteration(fromIteration));
    m_playTarget = model->rowForIteration(toIteration);
    if (model->currentRow() >= m_playTarget) {
        model->setCurrentRow(m_playTarget);
        m_playTarget = -1;
        return;
    }
    m_speedBefore = playback->stepsPerSecond();
    playback->setStepsPerSecond(speed);
    playback->play();
}

void GuideRunner::stopPlaying()
{
    if (m_playTarget < 0)
        return;
    m_playTarget = -1;
    m_window->playbackBar()->pause();
    m_window->playbackBar()->setStepsPerSecond(m_speedBefore);
}

void GuideRunner::onRowChanged()
{
    if (m_playTarget >= 0 && m_window->controller()->model()->currentRow() >= m_playTarget) {
        const int target = m_playTarget;
        stopPlaying();
        m_window->controller()->model()->setCurrentRow(target);
    }
    refresh();
}

void GuideRunner::next()
{
    if (m_open && m_step + 1 < int(m_guide.steps.size()))
        goTo(m_step + 1, true);
}

void GuideRunner::back()
{
    if (m_open && m_step > 0)
        goTo(m_step - 1);
}

void GuideRunner::showAnswer()
{
    m_answerShown = true;
    refresh();
}

void GuideRunner::close()
{
    stopPlaying();
    m_open = false;
    m_bar->hide();
    emphasise(QString());
    emit stepChanged();
}

void GuideRunner::emphasise(const QString& view)
{
    // The frames are fit, error surface (contour), loss, bowl, in GuideReader::viewNames()' order but for the loss.
    static const QStringList frameViews { QStringLiteral("fit"), QStringLiteral("contour"), QStringLiteral("loss"),
        QStringLiteral("bowl") };
    const QList<ViewFrame*>& frames = m_window->viewFrames();
    for (int index = 0; index < frames.size() && index < frameViews.size(); ++index)
        frames[index]->setDimmed(!view.isEmpty() && frameViews[index] != view);
    if (view == QLatin1String("contour"))
        m_window->secondViewTabs()->setCurrentIndex(SecondViewTabs::Contour);
}

QString GuideRunner::caption() const
{
    if (!m_open)
        return {};
    return GuideText::fill(m_guide.steps[std::size_t(m_step)].caption, *m_window->controller()->model());
}

void GuideRunner::refresh()
{
    if (!m_open)
        return;
    const GuideStep& step = m_guide.steps[std::size_t(m_step)];
    const IterationModel& model = *m_window->controller()->model();
    m_bar->showStep(m_guide.title, m_step, int(m_guide.steps.size()), caption(), GuideText::fill(step.question, model),
        GuideText::fill(step.answer, model), m_answerShown);
    m_bar->setMessage(m_message);
}

QJsonObject GuideRunner::sessionJson() const
{
    if (!m_open)
        return {};
    QJsonObject json { { QStringLiteral("step"), m_step + 1 } };
    if (!m_guide.name.isEmpty())
        json.insert(QStringLiteral("name"), m_guide.name);
    else
        json.insert(QStringLiteral("path"), m_guide.path);
    return json;
}

bool GuideRunner::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_open || event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const auto* widget = static_cast<QWidget*>(watched);
    if ((key->key() != Qt::Key_PageDown && key->key() != Qt::Key_PageUp) || key->modifiers() != Qt::NoModifier
        || widget->window() != m_window)
        return false;
    // A value typed and not yet committed is committed as leaving the field does, before the step applies.
    QWidget* focus = QApplication::focusWidget();
    if (focus && (EditFocusGuard::isTextField(focus) || EditFocusGuard::isTextField(focus->parentWidget())))
        focus->clearFocus();
    if (key->key() == Qt::Key_PageDown)
        next();
    else
        back();
    return true;
}

} // namespace gdlab
