#include "gui_options.h"

#include "lesson.h"

#include <QCommandLineParser>

namespace gdlab {

namespace {

QString lessonNames()
{
    QStringList names;
    for (const Lesson& lesson : lessonCatalog())
        names << QString::fromStdString(lesson.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

GuiOptionsResult parseGuiOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Watch gradient descent fit a linear regression."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
        QStringLiteral("Open a built-in lesson: %1 (default five_points).").arg(lessonNames()), QStringLiteral("name"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"), QStringLiteral("Open your own CSV file."), QStringLiteral("file.csv"));
    const QCommandLineOption lrOption(QStringLiteral("lr"), QStringLiteral("Learning rate."), QStringLiteral("x"));
    const QCommandLineOption iterationsOption(
        QStringLiteral("iterations"), QStringLiteral("Number of updates."), QStringLiteral("n"));
    const QCommandLineOption methodOption(
        QStringLiteral("method"), QStringLiteral("batch, sgd or minibatch."), QStringLiteral("method"));
    const QCommandLineOption lossOption(
        QStringLiteral("loss"), QStringLiteral("mse, half-mse or sse."), QStringLiteral("loss"));
    const QCommandLineOption stepOption(
        QStringLiteral("step"), QStringLiteral("Open at iteration n."), QStringLiteral("n"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Render the window into a PNG file after layout, then exit."), QStringLiteral("file.png"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QStringLiteral("Window size, e.g. 1280x720."), QStringLiteral("WxH"));
    const QCommandLineOption presentationOption(
        QStringLiteral("presentation"), QStringLiteral("Start in presentation mode (large text, full screen)."));
    const QCommandLineOption benchOption(QStringLiteral("bench-ui"),
        QStringLiteral("Measure the time from a learning-rate change to all views redrawn, print it, exit."));
    for (const auto& option : { lessonOption, dataOption, lrOption, iterationsOption, methodOption, lossOption,
             stepOption, screenshotOption, sizeOption, presentationOption, benchOption })
        parser.addOption(option);

    GuiOptionsResult result;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.exitText = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.exitText = QStringLiteral("gdlab %1\n").arg(QStringLiteral(GDLAB_VERSION));
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument '%1' (use --data to open a file)")
                           .arg(parser.positionalArguments().constFirst());
        return result;
    }

    GuiOptions& options = result.options;
    const auto fail = [&result](const QString& flag, const QString& value, const QString& expected) {
        result.error = QStringLiteral("invalid value '%1' for --%2: expected %3").arg(value, flag, expected);
        return result;
    };
    if (parser.isSet(lessonOption)) {
        options.lesson = parser.value(lessonOption);
        if (!findLesson(options.lesson.toStdString()))
            return fail(QStringLiteral("lesson"), options.lesson, lessonNames());
    }
    if (parser.isSet(dataOption))
        options.dataPath = parser.value(dataOption);
    if (!options.lesson.isEmpty() && !options.dataPath.isEmpty()) {
        result.error = QStringLiteral("--lesson and --data both choose the data; give one");
        return result;
    }
    if (parser.isSet(lrOption)) {
        bool ok = false;
        const double value = parser.value(lrOption).toDouble(&ok);
        if (!ok || !(value > 0) || !qIsFinite(value))
            return fail(QStringLiteral("lr"), parser.value(lrOption), QStringLiteral("a positive number"));
        options.learningRate = value;
    }
    if (parser.isSet(iterationsOption)) {
        bool ok = false;
        const long long value = parser.value(iterationsOption).toLongLong(&ok);
        if (!ok || value < 0 || value > 10'000'000)
            return fail(QStringLiteral("iterations"), parser.value(iterationsOption),
                QStringLiteral("a whole number from 0 to 10000000"));
        options.iterations = value;
    }
    if (parser.isSet(methodOption)) {
        options.method = parseMethod(parser.value(methodOption).toStdString());
        if (!options.method)
            return fail(
                QStringLiteral("method"), parser.value(methodOption), QStringLiteral("batch, sgd or minibatch"));
    }
    if (parser.isSet(lossOption)) {
        options.loss = parseLoss(parser.value(lossOption).toStdString());
        if (!options.loss)
            return fail(QStringLiteral("loss"), parser.value(lossOption), QStringLiteral("mse, half-mse or sse"));
    }
    if (parser.isSet(stepOption)) {
        bool ok = false;
        const long long value = parser.value(stepOption).toLongLong(&ok);
        if (!ok || value < 0)
            return fail(QStringLiteral("step"), parser.value(stepOption), QStringLiteral("a whole number >= 0"));
        options.step = value;
    }
    if (parser.isSet(screenshotOption)) {
        options.screenshotPath = parser.value(screenshotOption);
        if (options.screenshotPath.isEmpty())
            return fail(QStringLiteral("screenshot"), options.screenshotPath, QStringLiteral("a file name"));
    }
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        bool widthOk = false;
        bool heightOk = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&widthOk) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&heightOk) : 0;
        if (!widthOk || !heightOk || width < 320 || height < 240 || width > 16384 || height > 16384)
            return fail(QStringLiteral("size"), parser.value(sizeOption),
                QStringLiteral("WIDTHxHEIGHT, e.g. 1280x720 (at least 320x240)"));
        options.size = QSize(width, height);
    }
    options.presentation = parser.isSet(presentationOption);
    options.benchUi = parser.isSet(benchOption);
    return result;
}

} // namespace gdlab
