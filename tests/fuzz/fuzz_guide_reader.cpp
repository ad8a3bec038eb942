// libFuzzer target for the guide reader (GuideReader::read) and what an accepted guide goes on to: each step's
// settings over the run on screen, read as a session's are and sent to the controller, and each caption filled from
// the model. A refusal must name the file; an accepted guide's steps must apply or be refused with a message, never
// crash. Lessons come from the program's resources; a guide naming a CSV names one that does not exist (the input has
// no folder), so it is refused.
#include "run.h"
#include "session/guide_reader.h"
#include "session/guide_text.h"
#include "session/iteration_model.h"
#include "session/run_json.h"
#include "session/run_json_reader.h"
#include "session/session_controller.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

gdlab::SessionController& controller()
{
    static int argc = 1;
    static char name[] = "fuzz_guide_reader";
    static char* argv[] = { name, nullptr };
    static QCoreApplication application(argc, argv);
    static gdlab::SessionController shared;
    return shared;
}

/** Applies the step's settings as GuideRunner does, each run kept short. */
void applyStep(gdlab::SessionController& session, const gdlab::GuideStep& step)
{
    const QJsonObject whole
        = gdlab::GuideReader::overlay(gdlab::RunJson::settings(*session.latestRun()), step.settings);
    gdlab::SolverSettings settings;
    std::vector<long long> ghosts;
    QString error;
    // A step before may have been refused (a logistic model on this target), leaving other settings under this one's:
    // the runner then shows the message, as here nothing happens.
    if (!gdlab::RunJsonReader::readSettings(whole, &settings, &ghosts, &error))
        return;
    settings.iterations = std::min<long long>(settings.iterations, 50);
    session.setSettings(settings);
    session.waitForComputation();
    gdlab::IterationModel* model = session.model();
    if (step.cursor)
        model->setCurrentRow(model->rowForIteration(*step.cursor));
    for (const QString& text : { step.caption, step.question, step.answer })
        if (gdlab::GuideText::fill(text, *model).isNull() && !text.isNull())
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    gdlab::SessionController& session = controller();
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<int>(size));
    QString error;
    const std::optional<gdlab::Guide> guide = gdlab::GuideReader::read(bytes, QStringLiteral("f.json"), &error);
    if (!guide) {
        if (!error.startsWith(QStringLiteral("f.json: ")))
            std::abort();
        return 0;
    }
    if (guide->lesson.isEmpty() || !session.loadLesson(guide->lesson).isEmpty())
        std::abort(); // the reader accepts only lessons that exist, and no CSV can be beside this input
    session.waitForComputation();
    for (const gdlab::GuideStep& step : guide->steps)
        applyStep(session, step);
    return 0;
}
