#include "session/run_json_reader.h"

#include "dataset.h"
#include "model_kind.h"
#include "optimizer_settings.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>
#include <optional>

namespace gdlab {

namespace {

/** The value as the message quotes it: 0.5, "fast", [1,2], null. */
QString quoted(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("nothing");
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact)).left(60);
}

/** Reads the fields of one object; the first bad one sets the message and every later read fails too. */
class Fields {
public:
    Fields(const QJsonObject& object, QString path, QString* error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }
    QJsonValue value(const char* key) const { return m_object.value(QLatin1String(key)); }

    bool fail(const char* key, const QString& expected)
    {
        if (m_ok)
            *m_error = QStringLiteral("%1.%2: expected %3, found %4")
                           .arg(m_path, QLatin1String(key), expected, quoted(value(key)));
        m_ok = false;
        return false;
    }

    double number(const char* key, double min, double max, bool openMin = false)
    {
        const QJsonValue found = value(key);
        const double number = found.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!m_ok || !found.isDouble() || !(openMin ? number > min : number >= min) || !(number <= max)) {
            fail(key,
                openMin ? QStringLiteral("a number above %1").arg(min)
                        : QStringLiteral("a number from %1 to %2").arg(min).arg(max));
            return 0;
        }
        return number;
    }

    long long integer(const char* key, long long min, long long max)
    {
        const double number = this->number(key, double(min), double(max));
        if (m_ok && number != std::floor(number))
            fail(key, QStringLiteral("a whole number"));
        return m_ok ? static_cast<long long>(number) : 0;
    }

    bool boolean(const char* key)
    {
        if (m_ok && !value(key).isBool())
            fail(key, QStringLiteral("true or false"));
        return m_ok && value(key).toBool();
    }

    /** A name one of parse's known ones; expected lists them for the message. */
    template <typename T, typename Parse> T choice(const char* key, Parse parse, const char* expected)
    {
        const std::optional<T> parsed = parse(value(key).toString().toStdString());
        if (m_ok && (!value(key).isString() || !parsed))
            fail(key, QString::fromLatin1(expected));
        return m_ok ? *parsed : T {};
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString* m_error;
    bool m_ok = true;
};

std::optional<LossKind> parseLossOrLogLoss(std::string_view name)
{
    return name == "logloss" ? std::optional<LossKind>(LossKind::Mse) : parseLoss(name);
}

bool readOptimizer(Fields& settings, OptimizerSettings* out, QString* error)
{
    if (!settings.value("optimizer").isObject())
        return settings.fail("optimizer", QStringLiteral("an object"));
    Fields fields(settings.value("optimizer").toObject(), QStringLiteral("settings.optimizer"), error);
    OptimizerSettings optimizer;
    optimizer.kind = fields.choice<OptimizerKind>(
        "name", parseOptimizer, "gd, momentum, nesterov, adagrad, rmsprop, adam or newton");
    optimizer.momentum = fields.number("momentum", 0, std::nextafter(1.0, 0.0));
    optimizer.beta1 = fields.number("beta1", 0, std::nextafter(1.0, 0.0));
    optimizer.beta2 = fields.number("beta2", 0, std::nextafter(1.0, 0.0));
    optimizer.rho = fields.number("rho", 0, std::nextafter(1.0, 0.0));
    const double epsilon = fields.number("eps", 0, std::numeric_limits<double>::max(), true);
    if (!fields.ok())
        return false;
    // The file holds ε as the update used it: the optimizer's own default stays a default.
    if (epsilon != optimizer.effectiveEpsilon())
        optimizer.epsilon = epsilon;
    *out = optimizer;
    return true;
}

bool readInit(Fields& fields, SolverSettings* settings)
{
    const QJsonValue init = fields.value("init");
    if (init == QJsonValue(QStringLiteral("zeros"))) {
        settings->init = InitKind::Zeros;
    } else if (init == QJsonValue(QStringLiteral("random"))) {
        settings->init = InitKind::Random;
    } else if (init.isArray()) {
        settings->init = InitKind::Values;
        for (const QJsonValue& value : init.toArray()) {
            if (!value.isDouble())
                return fields.fail("init", QStringLiteral("\"zeros\", \"random\" or a list of numbers"));
            settings->initValues.push_back(value.toDouble());
        }
    } else {
        return fields.fail("init", QStringLiteral("\"zeros\", \"random\" or a list of numbers"));
    }
    return true;
}

bool readGhosts(Fields& fields, std::vector<long long>* ghosts)
{
    const QJsonValue value = fields.value("ghost_iterations");
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fields.fail("ghost_iterations", QStringLiteral("a list of iterations"));
    std::vector<long long> read;
    for (const QJsonValue& ghost : value.toArray()) {
        const double iteration = ghost.toDouble();
        if (!ghost.isDouble() || !(iteration >= 0 && iteration <= double(RunJsonReader::kMaxIterations))
            || iteration != std::floor(iteration))
            return fields.fail("ghost_iterations", QStringLiteral("a list of iterations"));
        read.push_back(static_cast<long long>(ghost.toDouble()));
    }
    *ghosts = std::move(read);
    return true;
}

std::uint64_t readSeed(Fields& fields)
{
    // Written as a number up to 2^53 and as text above, where a double would lose digits.
    const QJsonValue seed = fields.value("seed");
    bool ok = seed.isString();
    const std::uint64_t text = seed.toString().toULongLong(&ok);
    if (ok)
        return text;
    return static_cast<std::uint64_t>(fields.integer("seed", 0, 1LL << 53));
}

} // namespace

bool RunJsonReader::readSettings(
    const QJsonObject& object, SolverSettings* out, std::vector<long long>* ghosts, QString* error)
{
    Fields fields(object, QStringLiteral("settings"), error);
    SolverSettings settings;
    settings.model = fields.choice<ModelKind>("model", parseModel, "linear or logistic");
    settings.loss = fields.choice<LossKind>("loss", parseLossOrLogLoss, "mse, half-mse, sse or logloss");
    if (fields.ok() && (settings.model == ModelKind::Logistic) != (fields.value("loss").toString() == "logloss"))
        fields.fail("loss", QStringLiteral("logloss for the logistic model, and only for it"));
    settings.method = fields.choice<DescentMethod>("method", parseMethod, "batch, sgd or minibatch");
    settings.batchSize = fields.integer("batch_size", 1, 1LL << 40);
    settings.shuffle = fields.boolean("shuffle");
    settings.seed = readSeed(fields);
    settings.learningRate = fields.number("learning_rate", 0, std::numeric_limits<double>::max(), true);
    settings.iterations = fields.integer("iterations", 0, kMaxIterations);
    settings.tolerance = fields.number("tolerance", 0, std::numeric_limits<double>::max());
    std::vector<long long> readGhostIterations;
    if (!fields.ok() || !readInit(fields, &settings) || !readOptimizer(fields, &settings.optimizer, error)
        || !readGhosts(fields, &readGhostIterations))
        return false;
    *out = settings;
    *ghosts = readGhostIterations;
    return true;
}

bool RunJsonReader::readProblem(const QJsonObject& object, const Dataset& dataset, ProblemSpec* out, QString* error)
{
    Fields fields(object, QStringLiteral("problem"), error);
    const auto column = [&](const QJsonValue& name, const char* key) -> std::optional<Eigen::Index> {
        const std::optional<Eigen::Index> found = dataset.findColumn(name.toString().toStdString());
        if (!name.isString() || !found)
            fields.fail(key, QStringLiteral("a column of the data"));
        return found;
    };
    ProblemSpec spec;
    spec.intercept = fields.boolean("intercept");
    spec.standardize = fields.boolean("standardize");
    if (const auto target = column(fields.value("target"), "target"))
        spec.target = *target;
    if (!fields.value("features").isArray())
        fields.fail("features", QStringLiteral("a list of columns"));
    for (const QJsonValue& feature : fields.value("features").toArray())
        if (const auto index = column(feature, "features"))
            spec.features.push_back(*index);
    if (!fields.ok())
        return false;
    *out = spec;
    return true;
}

std::shared_ptr<const Dataset> RunJsonReader::readValues(const QJsonObject& object, QString* error)
{
    Fields fields(object, QStringLiteral("data"), error);
    std::vector<std::string> columns;
    for (const QJsonValue& name : fields.value("columns").toArray())
        columns.push_back(name.toString().toStdString());
    const QJsonArray rows = fields.value("values").toArray();
    if (columns.empty())
        fields.fail("columns", QStringLiteral("the names of the columns"));
    Eigen::MatrixXd values(rows.size(), static_cast<Eigen::Index>(columns.size()));
    for (int row = 0; fields.ok() && row < rows.size(); ++row) {
        const QJsonArray cells = rows[row].toArray();
        if (cells.size() != static_cast<int>(columns.size()))
            fields.fail("values", QStringLiteral("rows of %1 numbers (row %2)").arg(columns.size()).arg(row + 1));
        for (int column = 0; fields.ok() && column < cells.size(); ++column) {
            if (!cells[column].isDouble())
                fields.fail("values", QStringLiteral("numbers (row %1, column %2)").arg(row + 1).arg(column + 1));
            values(row, column) = cells[column].toDouble();
        }
    }
    if (!fields.ok())
        return nullptr;
    return std::make_shared<const Dataset>(
        std::move(columns), std::move(values), fields.value("source").toString().toStdString());
}

} // namespace gdlab
