// libFuzzer target for the .gdlab session reader (SessionFile::read) and what an accepted session goes on to: the
// SessionController opening it in one step. A refusal is the expected answer to a bad file: it must name the file;
// an accepted session must open or be refused with a message, never crash, and a refused one leaves the run that
// was on screen. Lessons are read from the program's resources, so no file outside the input is touched (a session
// that names a CSV by path names one that does not exist).
#include "run.h"
#include "session/saved_session.h"
#include "session/session_controller.h"
#include "session/session_file.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

gdlab::SessionController& controller()
{
    static int argc = 1;
    static char name[] = "fuzz_session_file";
    static char* argv[] = { name, nullptr };
    static QCoreApplication application(argc, argv);
    static gdlab::SessionController shared;
    if (!shared.latestRun() && !shared.loadLesson(QStringLiteral("five_points")).isEmpty())
        std::abort();
    return shared;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    gdlab::SessionController& session = controller();
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<int>(size));
    QString error;
    const std::optional<gdlab::SavedSession> saved = gdlab::SessionFile::read(bytes, QStringLiteral("f.gdlab"), &error);
    if (!saved) {
        if (!error.startsWith(QStringLiteral("f.gdlab: ")))
            std::abort();
        return 0;
    }
    // Keep each run short: the fuzzer looks for crashes in reading and preparing, not in long descents.
    gdlab::SavedSession bounded = *saved;
    bounded.settings.iterations = std::min<long long>(bounded.settings.iterations, 50);
    const std::shared_ptr<const gdlab::Run> before
        = session.latestRun() ? std::make_shared<const gdlab::Run>(*session.latestRun()) : nullptr;
    if (!session.openSession(bounded).isEmpty() && session.latestRun()->settings != before->settings)
        std::abort(); // a refusal changed what was on screen
    session.waitForComputation();
    return 0;
}
