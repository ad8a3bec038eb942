// gdlab: the window a teacher projects. Parses the command line, opens the lesson, data or session, and either shows
// the window, renders it once into a PNG (--screenshot), describes its views as JSON (--dump-views) and/or
// exports a view as a picture or an animation (--export, --export-animation), or measures redraw speed
// (--bench-ui).
#include "csv_reader.h"
#include "gui_options.h"
#include "input_error.h"
#include "open_benchmark.h"
#include "redraw_benchmark.h"
#include "sampled_csv_reader.h"
#include "session/guide_catalog.h"
#include "session/heap_reuse.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/animation_exporter.h"
#include "shell/app_icon.h"
#include "shell/export_actions.h"
#include "shell/guide_runner.h"
#include "shell/main_window.h"
#include "shell/presentation_size_menu.h"
#include "shell/race_launcher.h"
#include "shell/session_actions.h"
#include "shell/session_autosave.h"
#include "shell/theme_manager.h"
#include "shell/view_dump.h"
#include "shell/window_settings.h"
#include "views/theme_palette.h"
#include "views/view_palette.h"

#include <QApplication>
#include <QFileInfo>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <future>
#include <optional>

namespace {

constexpr int exitBadInput = 2;

int fail(const QString& message)
{
    std::fprintf(stderr, "gdlab: %s\n", qPrintable(message));
    return exitBadInput;
}

// Starts reading the file of --data on a worker, so that the window is built meanwhile: for a long file the two take
// about as long. A long file is read as the window's File > Open reads it, a display sample with the fold of every
// row, unless the flags ask for what needs the rows themselves (SGD, mini-batch, the logistic model).
std::future<gdlab::Dataset> startReading(const gdlab::GuiOptions& options)
{
    if (options.dataPath.isEmpty())
        return {};
    gdlab::SampledCsvReader::Limits limits;
    if ((options.method && *options.method != gdlab::DescentMethod::Batch)
        || (options.model && *options.model == gdlab::ModelKind::Logistic))
        limits.sampleAboveBytes = 0;
    return std::async(std::launch::async, [path = options.dataPath.toStdString(), limits] {
        return gdlab::SampledCsvReader::read(path, gdlab::CsvOptions {}, limits);
    });
}

// Loads the data the command line asks for (reading is startReading()'s; a --session replaces it once the window
// exists); returns an error message, or an empty string.
QString openData(
    gdlab::SessionController& controller, const gdlab::GuiOptions& options, std::future<gdlab::Dataset>& reading)
{
    QString error;
    if (reading.valid()) {
        try {
            const gdlab::Dataset dataset = reading.get();
            error = controller.openDataset(dataset, gdlab::ProblemSpec {}, QFileInfo(options.dataPath).fileName());
        } catch (const gdlab::InputError& inputError) {
            return QString::fromStdString(inputError.what());
        }
    } else {
        error = controller.loadLesson(options.lesson.isEmpty() ? QStringLiteral("five_points") : options.lesson);
    }
    if (error.isEmpty() && options.noIntercept) {
        gdlab::ProblemSpec spec = controller.latestRun()->problem->spec();
        spec.intercept = false;
        error = controller.setProblemSpec(spec);
    }
    return error;
}

// The settings flags and --step, over the lesson, the data or the session.
QString applyFlags(gdlab::SessionController& controller, const gdlab::GuiOptions& options)
{
    gdlab::SolverSettings settings = controller.latestRun()->settings;
    if (options.learningRate)
        settings.learningRate = *options.learningRate;
    if (options.iterations)
        settings.iterations = *options.iterations;
    if (options.method)
        settings.method = *options.method;
    if (options.loss)
        settings.loss = *options.loss;
    if (options.model)
        settings.model = *options.model;
    if (options.optimizer)
        settings.optimizer.kind = *options.optimizer;
    const QString error = controller.setSettings(settings);
    if (!error.isEmpty())
        return error;
    controller.waitForComputation();
    if (options.step) {
        gdlab::IterationModel* model = controller.model();
        model->setCurrentRow(model->rowForIteration(*options.step));
    }
    return {};
}

QSize initialSize(const gdlab::GuiOptions& options)
{
    if (options.size.isValid())
        return options.size;
    const QScreen* screen = QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableSize() : QSize(1600, 1000);
    return QSize(1600, 1000).boundedTo(available);
}

// --export and --export-animation; the animation runs from iteration 0 to --step, or to the end.
QString exportRequested(const gdlab::MainWindow& window, const gdlab::GuiOptions& options)
{
    const gdlab::ExportActions* exports = window.exports();
    const std::optional<gdlab::ViewExporter::Target> target = gdlab::ViewExporter::parseTarget(options.exportView);
    if (!target) // the parser accepts the exporter's names only
        return QStringLiteral("unknown view '%1'").arg(options.exportView);
    QString message;
    if (!options.exportPath.isEmpty()
        && !exports->views()->save(*target, options.exportPath, options.exportScale, &message))
        return message;
    if (!options.animationPath.isEmpty()) {
        const gdlab::IterationModel* model = window.controller()->model();
        gdlab::AnimationSettings settings;
        settings.lastIteration = options.step ? *options.step : model->iteration(std::max(0, model->lastRow()));
        settings.frames = options.animationFrames;
        settings.framesPerSecond = options.animationFps;
        if (!exports->animations()->write(*target, options.animationPath, settings, {}, &message))
            return message;
    }
    return {};
}

bool exportsSomething(const gdlab::GuiOptions& options)
{
    return !options.saveSessionPath.isEmpty() || !options.screenshotPath.isEmpty() || !options.dumpViewsPath.isEmpty()
        || !options.exportPath.isEmpty() || !options.animationPath.isEmpty();
}

// What --screenshot, --dump-views and the exports ask for, in that order, once the window has settled.
int saveAndExit(gdlab::MainWindow& window, const gdlab::GuiOptions& options)
{
    QString message;
    if (!options.saveSessionPath.isEmpty() && !window.sessions()->save(options.saveSessionPath, &message))
        return fail(message);
    if (!options.screenshotPath.isEmpty() && !window.saveScreenshot(options.screenshotPath, &message))
        return fail(message);
    if (!options.dumpViewsPath.isEmpty() && !gdlab::ViewDump::write(window, options.dumpViewsPath, &message))
        return fail(message);
    message = exportRequested(window, options);
    if (!message.isEmpty())
        return fail(message);
    return 0;
}

// --list-guides: a name and a title per line.
QString guideList()
{
    QString list;
    for (const QString& name : gdlab::GuideCatalog::names()) {
        QString error;
        const std::optional<gdlab::Guide> guide = gdlab::GuideCatalog::load(name, &error);
        list += QStringLiteral("%1\t%2\n").arg(name, guide ? guide->title : error);
    }
    return list;
}

// --guide and --guide-step, checked before any window opens: the guide reads, and has that step.
QString checkGuide(const gdlab::GuiOptions& options)
{
    if (options.guide.isEmpty())
        return {};
    QString error;
    const std::optional<gdlab::Guide> guide = gdlab::GuideCatalog::load(options.guide, &error);
    if (!guide)
        return error;
    if (options.guideStep > int(guide->steps.size()))
        return QStringLiteral("invalid value '%1' for --guide-step: %2 has %3 steps")
            .arg(options.guideStep)
            .arg(options.guide)
            .arg(guide->steps.size());
    return {};
}

// Arguments QApplication takes for itself (-platform offscreen, -style …); parsed before it exists, they would
// read as unknown options.
bool hasQtArgument(const QStringList& arguments)
{
    static const QStringList own { QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"),
        QStringLiteral("-platformtheme"), QStringLiteral("-plugin"), QStringLiteral("-qwindowgeometry"),
        QStringLiteral("-qwindowtitle"), QStringLiteral("-qwindowicon"), QStringLiteral("-reverse"),
        QStringLiteral("-session"), QStringLiteral("-style"), QStringLiteral("-stylesheet"),
        QStringLiteral("-widgetcount"), QStringLiteral("-display"), QStringLiteral("-geometry"),
        QStringLiteral("-fontengine"), QStringLiteral("-nograb"), QStringLiteral("-dograb"), QStringLiteral("-sync") };
    for (const QString& argument : arguments)
        if (own.contains(argument.section(QLatin1Char('='), 0, 0)))
            return true;
    return false;
}

// --help, --version and a bad flag answer before the window system is asked for (they work over ssh, in a
// script, on a machine without a display); returns the exit code if they did.
std::optional<int> answerWithoutWindow(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (hasQtArgument(arguments))
        return std::nullopt;
    const gdlab::GuiOptionsResult early = gdlab::parseGuiOptions(arguments);
    if (!early.error.isEmpty())
        return fail(early.error);
    if (!early.exitText.isEmpty()) {
        std::fputs(qPrintable(early.exitText), stdout);
        return 0;
    }
    if (early.options.listGuides) {
        std::fputs(qPrintable(guideList()), stdout);
        return 0;
    }
    const QString guideError = checkGuide(early.options);
    if (!guideError.isEmpty())
        return fail(guideError);
    return std::nullopt;
}

// What needs the window: the session (--session), then the settings flags and --step over it, then a race.
QString openInWindow(gdlab::MainWindow& window, const gdlab::GuiOptions& options)
{
    gdlab::SessionController& controller = *window.controller();
    QString error;
    if (!options.sessionPath.isEmpty())
        error = window.sessions()->open(options.sessionPath);
    if (error.isEmpty())
        error = applyFlags(controller, options);
    if (error.isEmpty() && !options.guide.isEmpty()) {
        // The guide opens its own lesson or data at its step; --step then moves the cursor from there.
        error = window.guideRunner()->open(options.guide, options.guideStep - 1);
        if (error.isEmpty() && options.step)
            controller.model()->setCurrentRow(controller.model()->rowForIteration(*options.step));
    }
    if (!error.isEmpty() || options.race.isEmpty())
        return error;
    error = window.raceLauncher()->start(options.race);
    if (!error.isEmpty())
        return error;
    controller.waitForComputation();
    if (options.step)
        controller.model()->setCurrentRow(controller.model()->rowForIteration(*options.step));
    window.raceLauncher()->showDialog();
    return {};
}

// After an abnormal exit the recovery file of the session it showed is still there: offer it, then keep saving
// this one. Only for a window a person uses: --screenshot, the exports and --bench-ui run without either.
void keepSessionSafe(gdlab::MainWindow& window, const gdlab::GuiOptions& options)
{
    // The window as the user left it last time (--size still wins), kept again when the program quits.
    QSettings settings;
    if (!window.isPresentationMode() && !options.size.isValid())
        gdlab::WindowSettings::restore(&window, settings);
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, &window, [&window] {
        QSettings settings;
        if (!window.isPresentationMode())
            gdlab::WindowSettings::save(&window, settings);
    });
    const QString folder = gdlab::SessionAutosave::defaultFolder();
    gdlab::SessionAutosave::offerAbandoned(window.sessions(), &window, folder);
    new gdlab::SessionAutosave(window.sessions(), window.controller(), folder);
}

// --theme for this run only; else, for a window a person uses, the theme chosen last time in View › Theme. The
// screenshots and exports keep the platform's look unless --theme is given, so that they do not depend on the
// settings of the machine that makes them.
void applyLooks(gdlab::MainWindow& window, const gdlab::GuiOptions& options)
{
    std::optional<gdlab::ThemeKind> theme = gdlab::ThemeManager::parse(options.theme);
    if (!theme && !exportsSomething(options) && !options.benchUi && !options.benchOpen)
        theme = gdlab::ThemeManager::stored(QSettings());
    // System keeps the platform's look, but on a dark desktop the views need the dark meaning colours: applying it
    // sets them.
    const gdlab::ThemeKind kind = theme.value_or(gdlab::ThemeKind::System);
    if (kind != gdlab::ThemeKind::System
        || gdlab::ThemePalette::schemeFor(QApplication::palette()) != gdlab::ViewPalette::scheme())
        window.themes()->apply(kind);
    // The presentation size chosen last time, likewise only for a window a person uses.
    if (!exportsSomething(options) && !options.benchUi && !options.benchOpen)
        window.presentationSizes()->apply(gdlab::PresentationSizeMenu::stored(QSettings()));
}

// --bench-open: shows the window, measures its first full screen, prints the report.
int benchOpen(gdlab::MainWindow& window, gdlab::SessionController& controller, const gdlab::GuiOptions& options)
{
    const QString source = options.dataPath.isEmpty()
        ? (options.lesson.isEmpty() ? QStringLiteral("five_points") : options.lesson)
        : options.dataPath;
    std::fputs(qPrintable(gdlab::OpenBenchmark(&window, &controller).run(source)), stdout);
    return 0;
}

// Qt reads -session (and --session) as the desktop's session-management id and takes it out of the arguments, so
// gdlab's --session FILE is taken out first, here, and put back into the options once they are parsed.
QString takeSessionFlag(int& argc, char** argv)
{
    QString path;
    int kept = 0;
    for (int i = 0; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--session" && i + 1 < argc)
            path = QString::fromLocal8Bit(argv[++i]);
        else if (argument.startsWith("--session="))
            path = QString::fromLocal8Bit(argument.mid(int(sizeof("--session=")) - 1));
        else
            argv[kept++] = argv[i];
    }
    argv[kept] = nullptr;
    argc = kept;
    return path;
}

// The names the settings, the desktop and the window manager know the program by, and its icon.
void nameApplication()
{
    QApplication::setApplicationName(QStringLiteral("gdlab"));
    QApplication::setApplicationVersion(QStringLiteral(GDLAB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("gdlab"));
    QGuiApplication::setDesktopFileName(QStringLiteral("gdlab"));
    QApplication::setWindowIcon(gdlab::AppIcon::icon());
}

} // namespace

int main(int argc, char** argv)
{
    gdlab::HeapReuse::apply(); // before the first allocation it is to govern
    if (const std::optional<int> answered = answerWithoutWindow(argc, argv))
        return *answered;
    const QString sessionPath = takeSessionFlag(argc, argv);
    QApplication application(argc, argv);
    nameApplication();

    const gdlab::GuiOptionsResult parsed = gdlab::parseGuiOptions(QApplication::arguments());
    if (!parsed.error.isEmpty())
        return fail(parsed.error);
    if (!parsed.exitText.isEmpty()) {
        std::fputs(qPrintable(parsed.exitText), stdout);
        return 0;
    }
    gdlab::GuiOptions options = parsed.options;
    options.sessionPath = sessionPath;
    if (options.listGuides) {
        std::fputs(qPrintable(guideList()), stdout);
        return 0;
    }
    if (const QString guideError = checkGuide(options); !guideError.isEmpty())
        return fail(guideError);

    gdlab::SessionController controller;
    std::future<gdlab::Dataset> reading = startReading(options);
    gdlab::MainWindow window(&controller);
    QString error = openData(controller, options, reading);
    if (!error.isEmpty())
        return fail(error);
    window.resize(initialSize(options));
    applyLooks(window, options);
    error = openInWindow(window, options);
    if (!error.isEmpty())
        return fail(error);
    if (options.benchOpen)
        return benchOpen(window, controller, options);
    if (options.benchUi) {
        window.show();
        std::fputs(qPrintable(gdlab::RedrawBenchmark(&window, 20).run(options.benchCase)), stdout);
        return 0;
    }
    if (options.presentation)
        window.setPresentationMode(true);
    else
        window.show();
    if (exportsSomething(options)) {
        // Let the layout settle and every view (the 3-D bowl renders asynchronously) draw once, then save.
        int exitCode = 0;
        QTimer::singleShot(1500, &window, [&window, &options, &exitCode] {
            exitCode = saveAndExit(window, options);
            QApplication::exit(exitCode);
        });
        QApplication::exec();
        return exitCode;
    }
    keepSessionSafe(window, options);
    return QApplication::exec();
}
