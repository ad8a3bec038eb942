#include "session/guide_reader.h"

#include "lesson.h"
#include "run.h"
#include "session/guide_text.h"
#include "session/json_locator.h"
#include "session/run_json.h"
#include "session/run_json_reader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

const QStringList kGuideKeys { QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
    QStringLiteral("description"), QStringLiteral("lesson"), QStringLiteral("data"), QStringLiteral("steps") };
const QStringList kStepKeys { QStringLiteral("caption"), QStringLiteral("settings"), QStringLiteral("cursor"),
    QStringLiteral("play"), QStringLiteral("pin"), QStringLiteral("emphasise"), QStringLiteral("question"),
    QStringLiteral("answer") };
const QStringList kSettingsKeys { QStringLiteral("model"), QStringLiteral("loss"), QStringLiteral("method"),
    QStringLiteral("batch_size"), QStringLiteral("shuffle"), QStringLiteral("seed"), QStringLiteral("learning_rate"),
    QStringLiteral("iterations"), QStringLiteral("tolerance"), QStringLiteral("init"), QStringLiteral("optimizer"),
    QStringLiteral("ghost_iterations") };
const QStringList kOptimizerKeys { QStringLiteral("name"), QStringLiteral("momentum"), QStringLiteral("beta1"),
    QStringLiteral("beta2"), QStringLiteral("rho"), QStringLiteral("eps") };

/** Reads one guide, keeping the text to point into and the first error. */
class Reader {
public:
    Reader(const QByteArray& bytes, const QString& fileName, QString* error)
        : m_bytes(bytes)
        , m_fileName(fileName)
        , m_error(error)
    {
    }

    std::optional<Guide> read();

private:
    /** Sets the message, with the line and column of the value at path when it is in the text. */
    bool fail(const QStringList& path, const QString& message)
    {
        const int offset = path.isEmpty() ? -1 : JsonLocator::offsetOf(m_bytes, path);
        *m_error = offset < 0
            ? QStringLiteral("%1: %2").arg(m_fileName, message)
            : QStringLiteral("%1: %2: %3").arg(m_fileName, JsonLocator::lineAndColumn(m_bytes, offset), message);
        return false;
    }
    bool unknownKeys(
        const QJsonObject& object, const QStringList& known, const QStringList& path, const QString& where);
    bool readSource(const QJsonObject& root, Guide* guide);
    bool readStep(const QJsonValue& value, int index, Guide* guide);
    bool readSettings(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out);
    bool readTarget(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out);
    bool readTexts(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out);

    const QByteArray& m_bytes;
    QString m_fileName;
    QString* m_error;
    QJsonObject m_settings; ///< the whole settings as of the step being read
    long long m_iterations = 0;
};

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("text");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("nothing");
    }
}

bool isIteration(const QJsonValue& value)
{
    const double number = value.toDouble(-1);
    return value.isDouble() && number >= 0 && number <= double(RunJsonReader::kMaxIterations)
        && number == std::floor(number);
}

bool Reader::unknownKeys(
    const QJsonObject& object, const QStringList& known, const QStringList& path, const QString& where)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!known.contains(it.key()))
            return !fail(path + QStringList { it.key() },
                QStringLiteral("%1unknown key \"%2\" (known: %3)")
                    .arg(where, it.key(), known.join(QStringLiteral(", "))));
    return false;
}

std::optional<Guide> Reader::read()
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(m_bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        // Qt's offset is just past the character it could not take: the column is that character's.
        *m_error = QStringLiteral("%1: %2: %3")
                       .arg(m_fileName, JsonLocator::lineAndColumn(m_bytes, std::max(0, parse.offset - 1)),
                           parse.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail({}, QStringLiteral("a guide is a JSON object ({\"format\": \"gdlab-guide\", …})"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("gdlab-guide")) {
        fail(
            { QStringLiteral("format") }, QStringLiteral("this is not a gdlab guide (no \"format\": \"gdlab-guide\")"));
        return std::nullopt;
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    if (isIteration(version) && version.toDouble() > GuideReader::kVersion) {
        fail({ QStringLiteral("version") },
            QStringLiteral("written for a newer gdlab (guide version %1); this one reads version %2")
                .arg(version.toDouble())
                .arg(GuideReader::kVersion));
        return std::nullopt;
    }
    if (version.toDouble() != GuideReader::kVersion) {
        fail({ QStringLiteral("version") }, QStringLiteral("\"version\": expected 1, found %1").arg(typeName(version)));
        return std::nullopt;
    }
    Guide guide;
    guide.title = root.value(QLatin1String("title")).toString();
    if (unknownKeys(root, kGuideKeys, {}, QString()) || !readSource(root, &guide))
        return std::nullopt;
    const QJsonValue description = root.value(QLatin1String("description"));
    if (guide.title.isEmpty() || (!description.isUndefined() && !description.isString())) {
        fail({ guide.title.isEmpty() ? QStringLiteral("title") : QStringLiteral("description") },
            guide.title.isEmpty() ? QStringLiteral("\"title\": expected text")
                                  : QStringLiteral("\"description\": expected text"));
        return std::nullopt;
    }
    const QJsonArray steps = root.value(QLatin1String("steps")).toArray();
    if (steps.isEmpty()) {
        fail({ QStringLiteral("steps") }, QStringLiteral("\"steps\": expected a list of at least one step"));
        return std::nullopt;
    }
    for (int index = 0; index < steps.size(); ++index)
        if (!readStep(steps[index], index, &guide))
            return std::nullopt;
    return guide;
}

bool Reader::readSource(const QJsonObject& root, Guide* guide)
{
    const QJsonValue lesson = root.value(QLatin1String("lesson"));
    const QJsonValue data = root.value(QLatin1String("data"));
    if (lesson.isUndefined() == data.isUndefined())
        return fail(lesson.isUndefined() ? QStringList {} : QStringList { QStringLiteral("data") },
            QStringLiteral("a guide names a \"lesson\" or its \"data\" (a CSV file), one of them"));
    Run start;
    if (!lesson.isUndefined()) {
        const Lesson* known = findLesson(lesson.toString().toStdString());
        if (!lesson.isString() || !known)
            return fail({ QStringLiteral("lesson") },
                QStringLiteral("\"lesson\": no lesson is called %1")
                    .arg(lesson.isString() ? QLatin1Char('"') + lesson.toString() + QLatin1Char('"')
                                           : typeName(lesson)));
        guide->lesson = lesson.toString();
        start.settings = known->solver;
        start.ghostIterations = known->ghostIterations;
    } else {
        const QString path = QFileInfo(m_fileName).absoluteDir().absoluteFilePath(data.toString());
        if (!data.isString() || data.toString().isEmpty() || !QFileInfo(path).isFile())
            return fail({ QStringLiteral("data") },
                QStringLiteral("\"data\": there is no file %1 beside the guide").arg(data.toString()));
        guide->dataPath = path;
    }
    m_settings = RunJson::settings(start);
    m_iterations = start.settings.iterations;
    return true;
}

bool Reader::readStep(const QJsonValue& value, int index, Guide* guide)
{
    const QStringList path { QStringLiteral("steps"), QString::number(index) };
    const QString where = QStringLiteral("step %1: ").arg(index + 1);
    if (!value.isObject())
        return fail(path, where + QStringLiteral("expected an object, found %1").arg(typeName(value)));
    const QJsonObject step = value.toObject();
    GuideStep read;
    if (unknownKeys(step, kStepKeys, path, where) || !readSettings(step, path, where, &read)
        || !readTarget(step, path, where, &read) || !readTexts(step, path, where, &read))
        return false;
    guide->steps.push_back(read);
    return true;
}

bool Reader::readSettings(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out)
{
    const QJsonValue settings = step.value(QLatin1String("settings"));
    if (settings.isUndefined())
        return true;
    const QStringList at = path + QStringList { QStringLiteral("settings") };
    if (!settings.isObject())
        return fail(at, where + QStringLiteral("\"settings\": expected an object, found %1").arg(typeName(settings)));
    const QJsonObject partial = settings.toObject();
    if (unknownKeys(partial, kSettingsKeys, at, where + QStringLiteral("settings: ")))
        return false;
    const QJsonValue optimizer = partial.value(QLatin1String("optimizer"));
    if (optimizer.isObject()
        && unknownKeys(optimizer.toObject(), kOptimizerKeys, at + QStringList { QStringLiteral("optimizer") },
            where + QStringLiteral("settings.optimizer: ")))
        return false;
    const QJsonObject whole = GuideReader::overlay(m_settings, partial);
    SolverSettings solver;
    std::vector<long long> ghosts;
    QString why;
    if (!RunJsonReader::readSettings(whole, &solver, &ghosts, &why)) {
        // "settings.optimizer.momentum: expected …": the value's path is the message's first word.
        QStringList badPath = why.section(QLatin1Char(':'), 0, 0).split(QLatin1Char('.'));
        if (!badPath.isEmpty())
            badPath.removeFirst();
        const bool inStep = JsonLocator::offsetOf(m_bytes, at + badPath) >= 0;
        return fail(inStep ? at + badPath : at, where + why);
    }
    m_settings = whole;
    m_iterations = solver.iterations;
    out->settings = partial;
    return true;
}

bool Reader::readTarget(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out)
{
    const QJsonValue cursor = step.value(QLatin1String("cursor"));
    const QJsonValue play = step.value(QLatin1String("play"));
    if (!cursor.isUndefined() && !play.isUndefined())
        return fail(path + QStringList { QStringLiteral("play") },
            where + QStringLiteral("a step gives a \"cursor\" or a \"play\", not both"));
    const auto withinRun = [&](const QJsonValue& value, const QStringList& at, const QString& key) {
        if (!isIteration(value))
            return fail(
                at, where + QStringLiteral("\"%1\": expected an iteration, found %2").arg(key, typeName(value)));
        if (static_cast<long long>(value.toDouble()) > m_iterations)
            return fail(at,
                where
                    + QStringLiteral("\"%1\": iteration %2 is beyond the run, which has %3 iterations")
                          .arg(key)
                          .arg(static_cast<long long>(value.toDouble()))
                          .arg(m_iterations));
        return true;
    };
    if (!cursor.isUndefined()) {
        if (!withinRun(cursor, path + QStringList { QStringLiteral("cursor") }, QStringLiteral("cursor")))
            return false;
        out->cursor = static_cast<long long>(cursor.toDouble());
    }
    if (play.isUndefined())
        return true;
    const QStringList at = path + QStringList { QStringLiteral("play") };
    if (!play.isObject())
        return fail(
            at, where + QStringLiteral("\"play\": expected {\"to\": N, \"speed\": S}, found %1").arg(typeName(play)));
    const QJsonObject object = play.toObject();
    if (unknownKeys(object, { QStringLiteral("to"), QStringLiteral("speed") }, at, where + QStringLiteral("play: "))
        || !withinRun(
            object.value(QLatin1String("to")), at + QStringList { QStringLiteral("to") }, QStringLiteral("play.to")))
        return false;
    const QJsonValue speed = object.value(QLatin1String("speed"));
    if (!speed.isUndefined() && (!isIteration(speed) || speed.toDouble() > 1000))
        return fail(at + QStringList { QStringLiteral("speed") },
            where + QStringLiteral("\"play.speed\": expected steps per second from 0 (as fast as possible) to 1000"));
    out->playTo = static_cast<long long>(object.value(QLatin1String("to")).toDouble());
    out->playSpeed = speed.toInt(0);
    return true;
}

bool Reader::readTexts(const QJsonObject& step, const QStringList& path, const QString& where, GuideStep* out)
{
    for (const QString& key : { QStringLiteral("caption"), QStringLiteral("question"), QStringLiteral("answer") }) {
        const QJsonValue value = step.value(key);
        if (value.isUndefined() && key != QLatin1String("caption"))
            continue;
        const QStringList at = path + QStringList { key };
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return fail(value.isUndefined() ? path : at,
                where + QStringLiteral("\"%1\": expected text, found %2").arg(key, typeName(value)));
        const QString unknown = GuideText::unknownPlaceholder(value.toString());
        if (!unknown.isEmpty())
            return fail(at, where + QStringLiteral("\"%1\": no number is called %2").arg(key, unknown));
    }
    out->caption = step.value(QLatin1String("caption")).toString();
    out->question = step.value(QLatin1String("question")).toString();
    out->answer = step.value(QLatin1String("answer")).toString();
    if (out->question.isEmpty() != out->answer.isEmpty())
        return fail(path, where + QStringLiteral("a \"question\" needs its \"answer\", and an answer its question"));
    const QJsonValue pin = step.value(QLatin1String("pin"));
    if (!pin.isUndefined() && !pin.isBool())
        return fail(path + QStringList { QStringLiteral("pin") },
            where + QStringLiteral("\"pin\": expected true or false, found %1").arg(typeName(pin)));
    out->pin = pin.toBool();
    const QJsonValue emphasise = step.value(QLatin1String("emphasise"));
    if (!emphasise.isUndefined() && !GuideReader::viewNames().contains(emphasise.toString()))
        return fail(path + QStringList { QStringLiteral("emphasise") },
            where + QStringLiteral("\"emphasise\": expected fit, loss, contour or bowl"));
    out->emphasise = emphasise.toString();
    return true;
}

} // namespace

std::optional<Guide> GuideReader::read(const QByteArray& bytes, const QString& fileName, QString* error)
{
    return Reader(bytes, fileName, error).read();
}

const QStringList& GuideReader::viewNames()
{
    static const QStringList names { QStringLiteral("fit"), QStringLiteral("loss"), QStringLiteral("contour"),
        QStringLiteral("bowl") };
    return names;
}

QJsonObject GuideReader::overlay(const QJsonObject& full, const QJsonObject& partial)
{
    QJsonObject whole = full;
    for (auto it = partial.begin(); it != partial.end(); ++it) {
        if (it.key() == QLatin1String("optimizer") && it.value().isObject()) {
            QJsonObject optimizer = whole.value(it.key()).toObject();
            const QJsonObject changes = it.value().toObject();
            for (auto change = changes.begin(); change != changes.end(); ++change)
                optimizer.insert(change.key(), change.value());
            whole.insert(it.key(), optimizer);
        } else {
            whole.insert(it.key(), it.value());
        }
    }
    return whole;
}

} // namespace gdlab
