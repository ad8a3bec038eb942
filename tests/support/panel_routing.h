#pragma once

// Test support: the intents of panels and views sent where the main window sends them, so that their tests drive
// the real model and controller without a window.

#include "session/iteration_model.h"

#include <QObject>

namespace gdlab::test {

/** @brief Makes every row a view or bar asks for (rowRequested) the model's current row. */
template <typename Sender> void routeRowRequests(Sender* sender, IterationModel* model)
{
    QObject::connect(sender, &Sender::rowRequested, model, &IterationModel::setCurrentRow);
}

} // namespace gdlab::test
