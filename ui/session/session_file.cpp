#include "session/session_file.h"

#include "csv_reader.h"
#include "lesson.h"
#include "race_entry.h"
#include "run.h"
#include "sampled_csv_reader.h"
#include "session/run_json.h"
#include "session/run_json_reader.h"
#include "session/session_controller.h"
#include "solver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <exception>

namespace gdlab {

namespace {

/** "line 3, column 14" of a byte offset, as an editor counts them. */
QString lineAndColumn(const QByteArray& bytes, int offset)
{
    const QByteArray before = bytes.left(offset);
    const int line = before.count('\n') + 1;
    const int column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

/** The data the session names: the rows saved in it, the lesson's, or its CSV read again. */
std::shared_ptr<const Dataset> readData(const QJsonObject& data, bool keepRows, QString* lesson, QString* error)
{
    *lesson = data.value(QLatin1String("lesson")).toString();
    if (data.contains(QLatin1String("values")))
        return RunJsonReader::readValues(data, error);
    if (!lesson->isEmpty()) {
        const Lesson* known = findLesson(lesson->toStdString());
        if (!known) {
            *error = QStringLiteral("data.lesson: no lesson is called \"%1\"").arg(*lesson);
            return nullptr;
        }
        return SessionController::lessonData(*known, error);
    }
    const QString source = data.value(QLatin1String("source")).toString();
    if (!QFileInfo::exists(source)) {
        *error = QStringLiteral("its data, %1, is not there any more").arg(source.isEmpty() ? "(no file)" : source);
        return nullptr;
    }
    try {
        // As File > Open reads it: a long file as a sample with the fold of every row, unless the run or a pin
        // descends by SGD or mini-batch or fits the logistic model, which need the rows themselves.
        SampledCsvReader::Limits limits;
        if (keepRows)
            limits.sampleAboveBytes = 0;
        return std::make_shared<const Dataset>(SampledCsvReader::read(source.toStdString(), CsvOptions {}, limits));
    } catch (const std::exception& failure) {
        *error = QString::fromUtf8(failure.what());
        return nullptr;
    }
}

/** Whether the session's run or one of its pins needs the rows of its data (a settings error is reported later). */
bool needRows(const QJsonObject& root)
{
    QJsonArray settings { root.value(QLatin1String("settings")) };
    for (const QJsonValue& pin : root.value(QLatin1String("pins")).toArray())
        settings.append(pin.toObject().value(QLatin1String("settings")));
    for (const QJsonValue& value : settings) {
        SolverSettings read;
        std::vector<long long> ghosts;
        QString ignored;
        if (RunJsonReader::readSettings(value.toObject(), &read, &ghosts, &ignored) && Solver::needsRows(read))
            return true;
    }
    return false;
}

/** "guide": absent (older files, no guide open), or the guide's name or path and its step. */
bool readGuide(const QJsonValue& value, QJsonObject* guide, QString* error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    const QJsonObject object = value.toObject();
    const QJsonValue name = object.contains(QLatin1String("name")) ? object.value(QLatin1String("name"))
                                                                   : object.value(QLatin1String("path"));
    const double step = object.value(QLatin1String("step")).toDouble(0);
    if (!value.isObject() || !name.isString() || name.toString().isEmpty()) {
        *error = QStringLiteral("guide: expected {\"name\" or \"path\": TEXT, \"step\": N}");
        return false;
    }
    if (!object.value(QLatin1String("step")).isDouble() || !(step >= 1 && step <= 1e6) || step != std::floor(step)) {
        *error = QStringLiteral("guide.step: expected a step from 1");
        return false;
    }
    *guide = object;
    return true;
}

} // namespace

QByteArray SessionFile::write(const Run& run, long long iteration, const QJsonObject& views,
    const std::vector<const Run*>& pins, const std::string& race, const QJsonObject& guide)
{
    QJsonArray pinned;
    for (const Run* pin : pins)
        pinned.append(QJsonObject { { QStringLiteral("settings"), RunJson::settings(*pin) } });
    const bool asLesson = !run.lessonName.empty();
    // A sample's rows are not the data: the session names the file, read again on opening.
    const bool withValues
        = !asLesson && run.dataset && !run.dataset->isSample() && run.dataset->rowCount() <= kMaxSavedRows;
    QJsonObject data = RunJson::data(run, withValues);
    if (!asLesson)
        data.insert(QStringLiteral("lesson"), QJsonValue());
    QJsonObject session { { QStringLiteral("format"), QStringLiteral("gdlab-session") },
        { QStringLiteral("version"), kVersion }, { QStringLiteral("data"), data },
        { QStringLiteral("problem"), RunJson::problem(*run.problem) },
        { QStringLiteral("settings"), RunJson::settings(run) },
        { QStringLiteral("cursor"), QJsonObject { { QStringLiteral("iteration"), iteration } } },
        { QStringLiteral("pins"), pinned }, { QStringLiteral("views"), views } };
    if (!race.empty())
        session.insert(QStringLiteral("race"), QString::fromStdString(race));
    if (!guide.isEmpty())
        session.insert(QStringLiteral("guide"), guide);
    return QJsonDocument(session).toJson(QJsonDocument::Indented);
}

std::optional<SavedSession> SessionFile::read(const QByteArray& bytes, const QString& fileName, QString* error)
{
    const auto failed = [&](const QString& why) {
        *error = QStringLiteral("%1: %2").arg(fileName, why);
        return std::nullopt;
    };
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError)
        return failed(QStringLiteral("%1: %2 (is the file complete?)")
                          .arg(lineAndColumn(bytes, parse.offset), parse.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("gdlab-session"))
        return failed(QStringLiteral("this is not a gdlab session (no \"format\": \"gdlab-session\")"));
    const int version = root.value(QLatin1String("version")).toInt(0);
    if (version > kVersion)
        return failed(QStringLiteral("written by a newer gdlab (session version %1); this one reads version %2")
                          .arg(version)
                          .arg(kVersion));
    if (version < 1)
        return failed(
            QStringLiteral("version: expected 1, found %1").arg(root.value(QLatin1String("version")).toInt()));

    SavedSession session;
    QString lesson;
    QString why;
    session.dataset = readData(root.value(QLatin1String("data")).toObject(), needRows(root), &lesson, &why);
    if (!session.dataset)
        return failed(why);
    session.lesson = lesson.toStdString();
    session.title = root.value(QLatin1String("data")).toObject().value(QLatin1String("title")).toString().toStdString();
    if (!RunJsonReader::readProblem(
            root.value(QLatin1String("problem")).toObject(), *session.dataset, &session.spec, &why)
        || !RunJsonReader::readSettings(
            root.value(QLatin1String("settings")).toObject(), &session.settings, &session.ghostIterations, &why))
        return failed(why);
    const QJsonValue iteration = root.value(QLatin1String("cursor")).toObject().value(QLatin1String("iteration"));
    if (!iteration.isDouble()
        || !(iteration.toDouble() >= 0 && iteration.toDouble() <= double(RunJsonReader::kMaxIterations)))
        return failed(QStringLiteral("cursor.iteration: expected an iteration, found %1").arg(iteration.toDouble()));
    session.iteration = static_cast<long long>(iteration.toDouble());
    for (const QJsonValue& pin : root.value(QLatin1String("pins")).toArray()) {
        SolverSettings settings;
        std::vector<long long> ghosts;
        if (!RunJsonReader::readSettings(
                pin.toObject().value(QLatin1String("settings")).toObject(), &settings, &ghosts, &why))
            return failed(QStringLiteral("a pinned run's %1").arg(why));
        session.pins.push_back(settings);
    }
    const QJsonValue race = root.value(QLatin1String("race"));
    if (!race.isUndefined()) {
        try {
            session.race = raceText(parseRace(race.toString().toStdString()));
        } catch (const std::exception& failure) {
            return failed(QStringLiteral("race: %1").arg(QString::fromUtf8(failure.what())));
        }
    }
    session.views = root.value(QLatin1String("views")).toObject();
    if (!readGuide(root.value(QLatin1String("guide")), &session.guide, &why))
        return failed(why);
    return session;
}

} // namespace gdlab
