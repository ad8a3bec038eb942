#include "gui_options.h"

#include "input_error.h"
#include "lesson.h"
#include "race_entry.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace gdlab {

namespace {

QString lessonNames()
{
    QStringList names;
    for (const Lesson& lesson : lessonCatalog())
        names << QString::fromStdString(lesson.name);
    return names.join(QStringLiteral(", "));
}

/** The window's flags in the order --help lists them: the data, the descent, then how the window opens. */
struct GuiFlags {
    QCommandLineOption lesson { QStringLiteral("lesson"),
        QStringLiteral("Open a built-in lesson: %1 (default five_points).").arg(lessonNames()),
        QStringLiteral("name") };
    QCommandLineOption data { QStringLiteral("data"), QStringLiteral("Open your own CSV file."),
        QStringLiteral("file.csv") };
    QCommandLineOption session { QStringLiteral("session"),
        QStringLiteral("Open a saved session (.gdlab): data, settings, cursor and views."),
        QStringLiteral("file.gdlab") };
    QCommandLineOption saveSession { QStringLiteral("save-session"),
        QStringLiteral("After the other flags, save the session into a .gdlab file, then exit."),
        QStringLiteral("file.gdlab") };
    QCommandLineOption noIntercept { QStringLiteral("no-intercept"),
        QStringLiteral("Fit without an intercept (y = θ·x through the origin).") };
    QCommandLineOption lr { QStringLiteral("lr"), QStringLiteral("Learning rate."), QStringLiteral("x") };
    QCommandLineOption iterations { QStringLiteral("iterations"), QStringLiteral("Number of updates."),
        QStringLiteral("n") };
    QCommandLineOption method { QStringLiteral("method"), QStringLiteral("batch, sgd or minibatch."),
        QStringLiteral("method") };
    QCommandLineOption model { QStringLiteral("model"),
        QStringLiteral("linear or logistic (logistic needs a target of 0s and 1s)."), QStringLiteral("model") };
    QCommandLineOption loss { QStringLiteral("loss"),
        QStringLiteral("mse, half-mse or sse; logloss, the logistic model's."), QStringLiteral("loss") };
    QCommandLineOption optimizer { QStringLiteral("optimizer"),
        QStringLiteral("gd, momentum, nesterov, adagrad, rmsprop, adam or newton."), QStringLiteral("name") };
    QCommandLineOption race { QStringLiteral("race"),
        QStringLiteral("Race up to four optimizers from the same start, e.g. gd,momentum:lr=0.05:momentum=0.8,adam."),
        QStringLiteral("list") };
    QCommandLineOption step { QStringLiteral("step"), QStringLiteral("Open at iteration n."), QStringLiteral("n") };
    QCommandLineOption screenshot { QStringLiteral("screenshot"),
        QStringLiteral("Render the window into a PNG file after layout, then exit."), QStringLiteral("file.png") };
    QCommandLineOption dumpViews { QStringLiteral("dump-views"),
        QStringLiteral("Write what each view shows (rect, axis ranges, marks, texts) into a JSON file after layout "
                       "(and after --screenshot), then exit."),
        QStringLiteral("file.json") };
    QCommandLineOption exportView { QStringLiteral("export-view"),
        QStringLiteral("What --export and --export-animation draw: fit, loss, contour, along (the loss along one "
                       "parameter), bowl or window (default)."),
        QStringLiteral("view") };
    QCommandLineOption exportFile { QStringLiteral("export"),
        QStringLiteral("Write the view into a PNG, SVG or PDF file (by its ending) after layout, then exit."),
        QStringLiteral("file") };
    QCommandLineOption exportScale { QStringLiteral("export-scale"),
        QStringLiteral("Pixels of an exported PNG per screen pixel: 1 (default), 2 or 3."), QStringLiteral("n") };
    QCommandLineOption animation { QStringLiteral("export-animation"),
        QStringLiteral("Write the view from iteration 0 to --step (or the end) into an animated GIF, then exit."),
        QStringLiteral("file.gif") };
    QCommandLineOption frames { QStringLiteral("frames"),
        QStringLiteral("Frames of --export-animation, 1 to 1000 (default 30)."), QStringLiteral("n") };
    QCommandLineOption fps { QStringLiteral("fps"),
        QStringLiteral("Frames per second of --export-animation, 0.5 to 50 (default 10)."), QStringLiteral("f") };
    QCommandLineOption size { QStringLiteral("size"), QStringLiteral("Window size, e.g. 1280x720."),
        QStringLiteral("WxH") };
    QCommandLineOption presentation { QStringLiteral("presentation"),
        QStringLiteral("Start in presentation mode (large text, full screen).") };
    QCommandLineOption guide { QStringLiteral("guide"),
        QStringLiteral("Open a guided lesson: a built-in guide's name (see --list-guides) or a guide file (.json)."),
        QStringLiteral("name|file") };
    QCommandLineOption guideStep { QStringLiteral("guide-step"),
        QStringLiteral("Open the guide at step k (from 1; default 1)."), QStringLiteral("k") };
    QCommandLineOption listGuides { QStringLiteral("list-guides"),
        QStringLiteral("Print the built-in guides, a name and a title per line, then exit.") };
    QCommandLineOption theme { QStringLiteral("theme"),
        QStringLiteral("system (the desktop's look), light, dark or high-contrast; not kept, unlike View > Theme."),
        QStringLiteral("name") };
    QCommandLineOption bench { QStringLiteral("bench-ui"),
        QStringLiteral("Measure the time from a learning-rate change to all views redrawn, print it, exit.") };
    QCommandLineOption benchOpen { QStringLiteral("bench-open"),
        QStringLiteral("Measure the time from the start to the first full screen of the data or lesson and the peak "
                       "memory, print them, exit.") };

    QList<QCommandLineOption> all() const
    {
        return { lesson, data, session, saveSession, noIntercept, lr, iterations, method, model, loss, optimizer, race,
            step, screenshot, dumpViews, exportView, exportFile, exportScale, animation, frames, fps, size,
            presentation, guide, guideStep, listGuides, theme, bench, benchOpen };
    }
};

/** Sets the message naming the flag, the value and what was expected; false, so that parsing stops. */
bool refuse(GuiOptionsResult& result, const QString& flag, const QString& value, const QString& expected)
{
    result.error = QStringLiteral("invalid value '%1' for --%2: expected %3").arg(value, flag, expected);
    return false;
}

// --help, --version and stray arguments end the parse before any value is looked at.
bool parseExits(const QCommandLineParser& parser, const QCommandLineOption& help, const QCommandLineOption& version,
    GuiOptionsResult& result)
{
    if (parser.isSet(help)) {
        // Before QApplication exists (gdlab answers --help without a display) Qt cannot name the program.
        result.exitText = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("gdlab"));
        return false;
    }
    if (parser.isSet(version)) {
        result.exitText = QStringLiteral("gdlab %1\n").arg(QStringLiteral(GDLAB_VERSION));
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument '%1' (use --data to open a file)")
                           .arg(parser.positionalArguments().constFirst());
        return false;
    }
    return true;
}

bool parseData(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.lesson)) {
        options.lesson = parser.value(flags.lesson);
        if (parser.isSet(flags.bench)) {
            // The benchmark takes a list of lessons and its own synthetic cases, e.g. separable_hours,n10k.
            for (const QString& name : options.lesson.split(QLatin1Char(','))) {
                if (!findLesson(name.toStdString()) && name != benchTenThousandRows && name != benchMillionUpdates
                    && name != benchRaceOfFour)
                    return refuse(result, QStringLiteral("lesson"), name,
                        QStringLiteral("%1, %2, %3, %4")
                            .arg(lessonNames(), benchTenThousandRows, benchMillionUpdates, benchRaceOfFour));
            }
            options.benchCase = options.lesson;
            // One lesson also opens the window on it; a list or a synthetic case opens the default.
            if (!findLesson(options.lesson.toStdString()))
                options.lesson.clear();
        } else if (!findLesson(options.lesson.toStdString())) {
            return refuse(result, QStringLiteral("lesson"), options.lesson, lessonNames());
        }
    }
    if (parser.isSet(flags.data))
        options.dataPath = parser.value(flags.data);
    options.sessionPath = parser.value(flags.session);
    options.saveSessionPath = parser.value(flags.saveSession);
    options.noIntercept = parser.isSet(flags.noIntercept);
    if (int(!options.lesson.isEmpty()) + int(!options.dataPath.isEmpty()) + int(!options.sessionPath.isEmpty()) > 1) {
        result.error = QStringLiteral("--lesson, --data and --session each choose the data; give one");
        return false;
    }
    return true;
}

bool parseNumbers(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.lr)) {
        bool ok = false;
        const double value = parser.value(flags.lr).toDouble(&ok);
        if (!ok || !(value > 0) || !qIsFinite(value))
            return refuse(result, QStringLiteral("lr"), parser.value(flags.lr), QStringLiteral("a positive number"));
        options.learningRate = value;
    }
    if (parser.isSet(flags.iterations)) {
        bool ok = false;
        const long long value = parser.value(flags.iterations).toLongLong(&ok);
        if (!ok || value < 0 || value > 10'000'000)
            return refuse(result, QStringLiteral("iterations"), parser.value(flags.iterations),
                QStringLiteral("a whole number from 0 to 10000000"));
        options.iterations = value;
    }
    return true;
}

bool parseOptimizerFlags(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.optimizer)) {
        options.optimizer = gdlab::parseOptimizer(parser.value(flags.optimizer).toStdString());
        if (!options.optimizer)
            return refuse(result, QStringLiteral("optimizer"), parser.value(flags.optimizer),
                QStringLiteral("gd, momentum, nesterov, adagrad, rmsprop, adam or newton"));
    }
    if (parser.isSet(flags.race)) {
        options.race = parser.value(flags.race);
        try {
            parseRace(options.race.toStdString());
        } catch (const InputError& error) {
            result.error = QString::fromStdString(error.what());
            return false;
        }
    }
    return true;
}

/** --model and --loss: logloss is the logistic model's only loss, and the quadratic ones the linear model's. */
bool parseModelAndLoss(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.model)) {
        options.model = parseModel(parser.value(flags.model).toStdString());
        if (!options.model)
            return refuse(
                result, QStringLiteral("model"), parser.value(flags.model), QStringLiteral("linear or logistic"));
    }
    if (!parser.isSet(flags.loss))
        return true;
    const QString loss = parser.value(flags.loss);
    if (loss == QLatin1String("logloss")) {
        if (options.model == ModelKind::Linear)
            return refuse(
                result, QStringLiteral("loss"), loss, QStringLiteral("mse, half-mse or sse with --model linear"));
        options.model = ModelKind::Logistic;
        return true;
    }
    options.loss = parseLoss(loss.toStdString());
    if (!options.loss)
        return refuse(result, QStringLiteral("loss"), loss, QStringLiteral("mse, half-mse, sse or logloss"));
    if (options.model == ModelKind::Logistic)
        return refuse(result, QStringLiteral("loss"), loss, QStringLiteral("logloss with --model logistic"));
    return true;
}

bool parseDescent(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    if (!parseNumbers(parser, flags, result))
        return false;
    GuiOptions& options = result.options;
    if (parser.isSet(flags.method)) {
        options.method = parseMethod(parser.value(flags.method).toStdString());
        if (!options.method)
            return refuse(result, QStringLiteral("method"), parser.value(flags.method),
                QStringLiteral("batch, sgd or minibatch"));
    }
    if (!parseModelAndLoss(parser, flags, result))
        return false;
    return parseOptimizerFlags(parser, flags, result);
}

bool parseSize(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    if (!parser.isSet(flags.size))
        return true;
    const QStringList parts = parser.value(flags.size).split(QLatin1Char('x'));
    bool widthOk = false;
    bool heightOk = false;
    const int width = parts.size() == 2 ? parts[0].toInt(&widthOk) : 0;
    const int height = parts.size() == 2 ? parts[1].toInt(&heightOk) : 0;
    if (!widthOk || !heightOk || width < 320 || height < 240 || width > 16384 || height > 16384)
        return refuse(result, QStringLiteral("size"), parser.value(flags.size),
            QStringLiteral("WIDTHxHEIGHT, e.g. 1280x720 (at least 320x240)"));
    result.options.size = QSize(width, height);
    return true;
}

bool parseWindow(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.step)) {
        bool ok = false;
        const long long value = parser.value(flags.step).toLongLong(&ok);
        if (!ok || value < 0)
            return refuse(
                result, QStringLiteral("step"), parser.value(flags.step), QStringLiteral("a whole number >= 0"));
        options.step = value;
    }
    if (parser.isSet(flags.screenshot)) {
        options.screenshotPath = parser.value(flags.screenshot);
        if (options.screenshotPath.isEmpty())
            return refuse(result, QStringLiteral("screenshot"), options.screenshotPath, QStringLiteral("a file name"));
    }
    if (parser.isSet(flags.dumpViews)) {
        options.dumpViewsPath = parser.value(flags.dumpViews);
        if (options.dumpViewsPath.isEmpty())
            return refuse(result, QStringLiteral("dump-views"), options.dumpViewsPath, QStringLiteral("a file name"));
    }
    if (!parseSize(parser, flags, result))
        return false;
    options.presentation = parser.isSet(flags.presentation);
    options.benchUi = parser.isSet(flags.bench);
    options.benchOpen = parser.isSet(flags.benchOpen);
    // The names are ThemeManager's; the window's side turns the name into a theme.
    static const QStringList themes { QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark"),
        QStringLiteral("high-contrast") };
    if (parser.isSet(flags.theme)) {
        options.theme = parser.value(flags.theme);
        if (!themes.contains(options.theme))
            return refuse(result, QStringLiteral("theme"), options.theme, themes.join(QStringLiteral(", ")));
    }
    return true;
}

// The export flags' values are checked here, before any window exists, so a script learns of a typo at once.
bool parseExportFiles(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    static const QStringList views { QStringLiteral("fit"), QStringLiteral("loss"), QStringLiteral("contour"),
        QStringLiteral("along"), QStringLiteral("bowl"), QStringLiteral("window") };
    options.exportView = parser.isSet(flags.exportView) ? parser.value(flags.exportView) : QStringLiteral("window");
    if (!views.contains(options.exportView))
        return refuse(result, QStringLiteral("export-view"), options.exportView, views.join(QStringLiteral(", ")));
    if (parser.isSet(flags.exportFile)) {
        options.exportPath = parser.value(flags.exportFile);
        const QString suffix = QFileInfo(options.exportPath).suffix().toLower();
        if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
            return refuse(result, QStringLiteral("export"), options.exportPath,
                QStringLiteral("a file name ending in .png, .svg or .pdf"));
    }
    if (parser.isSet(flags.animation)) {
        options.animationPath = parser.value(flags.animation);
        if (QFileInfo(options.animationPath).suffix().toLower() != QLatin1String("gif"))
            return refuse(result, QStringLiteral("export-animation"), options.animationPath,
                QStringLiteral("a file name ending in .gif"));
    }
    return true;
}

bool parseExportNumbers(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    if (parser.isSet(flags.exportScale)) {
        bool ok = false;
        options.exportScale = parser.value(flags.exportScale).toInt(&ok);
        if (!ok || options.exportScale < 1 || options.exportScale > 3)
            return refuse(
                result, QStringLiteral("export-scale"), parser.value(flags.exportScale), QStringLiteral("1, 2 or 3"));
    }
    if (parser.isSet(flags.frames)) {
        bool ok = false;
        options.animationFrames = parser.value(flags.frames).toInt(&ok);
        if (!ok || options.animationFrames < 1 || options.animationFrames > 1000)
            return refuse(result, QStringLiteral("frames"), parser.value(flags.frames),
                QStringLiteral("a whole number from 1 to 1000"));
    }
    if (parser.isSet(flags.fps)) {
        bool ok = false;
        options.animationFps = parser.value(flags.fps).toDouble(&ok);
        if (!ok || !(options.animationFps >= 0.5 && options.animationFps <= 50))
            return refuse(
                result, QStringLiteral("fps"), parser.value(flags.fps), QStringLiteral("a number from 0.5 to 50"));
    }
    return true;
}

// A flag that only shapes an export means nothing without one: saying so beats silently showing the window.
bool parseExports(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    if (!parseExportFiles(parser, flags, result) || !parseExportNumbers(parser, flags, result))
        return false;
    const GuiOptions& options = result.options;
    const bool still = !options.exportPath.isEmpty();
    const bool animated = !options.animationPath.isEmpty();
    const auto needs = [&result](const QString& flag, const QString& what) {
        result.error = QStringLiteral("--%1 needs %2").arg(flag, what);
        return false;
    };
    if (parser.isSet(flags.exportView) && !still && !animated)
        return needs(QStringLiteral("export-view"), QStringLiteral("--export FILE or --export-animation FILE.gif"));
    if (parser.isSet(flags.exportScale) && !still)
        return needs(QStringLiteral("export-scale"), QStringLiteral("--export FILE.png"));
    if ((parser.isSet(flags.frames) || parser.isSet(flags.fps)) && !animated)
        return needs(parser.isSet(flags.frames) ? QStringLiteral("frames") : QStringLiteral("fps"),
            QStringLiteral("--export-animation FILE.gif"));
    return true;
}

// A guide opens its own lesson or data with its own settings: flags that choose them would be overwritten.
bool parseGuide(const QCommandLineParser& parser, const GuiFlags& flags, GuiOptionsResult& result)
{
    GuiOptions& options = result.options;
    options.listGuides = parser.isSet(flags.listGuides);
    if (parser.isSet(flags.guideStep)) {
        bool ok = false;
        options.guideStep = parser.value(flags.guideStep).toInt(&ok);
        if (!ok || options.guideStep < 1)
            return refuse(
                result, QStringLiteral("guide-step"), parser.value(flags.guideStep), QStringLiteral("a step from 1"));
        if (!parser.isSet(flags.guide)) {
            result.error = QStringLiteral("--guide-step needs --guide NAME|FILE");
            return false;
        }
    }
    if (!parser.isSet(flags.guide))
        return true;
    options.guide = parser.value(flags.guide);
    if (options.guide.isEmpty())
        return refuse(result, QStringLiteral("guide"), options.guide, QStringLiteral("a guide's name or file"));
    for (const QCommandLineOption* chooser : { &flags.lesson, &flags.data, &flags.session, &flags.noIntercept,
             &flags.lr, &flags.iterations, &flags.method, &flags.model, &flags.loss, &flags.optimizer, &flags.race }) {
        if (parser.isSet(*chooser)) {
            result.error = QStringLiteral("--guide opens its own data and settings: --%1 cannot go with it")
                               .arg(chooser->names().constFirst());
            return false;
        }
    }
    return true;
}

} // namespace

GuiOptionsResult parseGuiOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Watch gradient descent fit a linear regression."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const GuiFlags flags;
    parser.addOptions(flags.all());

    GuiOptionsResult result;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    // Each group stops at its first bad value, and the next group is not read: one message, the first problem.
    if (parseExits(parser, help, version, result) && parseData(parser, flags, result)
        && parseDescent(parser, flags, result) && parseWindow(parser, flags, result)
        && parseExports(parser, flags, result))
        parseGuide(parser, flags, result);
    return result;
}

} // namespace gdlab
