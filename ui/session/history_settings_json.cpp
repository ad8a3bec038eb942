#include "session/history_settings_json.h"

#include "history_csv.h"
#include "run.h"
#include "session/run_json.h"

#include <QJsonArray>

namespace gdlab {

QJsonObject HistorySettingsJson::describe(const Run& run, int rows, bool edited)
{
    const Problem& problem = *run.problem;
    QJsonObject data = RunJson::data(run, edited);
    data.insert(QStringLiteral("edited"), edited);
    const QJsonObject history { { QStringLiteral("rows"), rows },
        { QStringLiteral("columns"),
            RunJson::strings(HistoryCsvWriter::columnNames(problem.parameterSymbols(), run.isLogistic())) },
        { QStringLiteral("theta_space"),
            problem.isStandardized() ? QStringLiteral("standardized") : QStringLiteral("original") } };
    return { { QStringLiteral("format"), QStringLiteral("gdlab-history-settings") }, { QStringLiteral("version"), 1 },
        { QStringLiteral("history"), history }, { QStringLiteral("data"), data },
        { QStringLiteral("problem"), RunJson::problem(problem) },
        { QStringLiteral("settings"), RunJson::settings(run) } };
}

} // namespace gdlab
