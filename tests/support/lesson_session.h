#pragma once

// Test support: a session with a lesson loaded and its run computed, so that view tests start from the state
// the program opens in. Views never see the controller; tests use it to publish runs into its model.

#include "session/session_controller.h"

#include <QString>

#include <memory>

namespace gdlab::test {

/** @brief A controller showing lesson, computed to the end; null when the lesson cannot be loaded. */
inline std::unique_ptr<SessionController> sessionWith(const char* lesson)
{
    auto controller = std::make_unique<SessionController>();
    if (!controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return nullptr;
    controller->waitForComputation();
    return controller;
}

} // namespace gdlab::test
