#pragma once

#include "session/guide.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gdlab {

/**
 * @brief Reads a guide (JSON, "format": "gdlab-guide") and checks all of it before anything runs: a syntax error is
 * named by its line and column; a bad field by its step, its key and, where it can be found, the line and column of
 * its value; a guide for a newer gdlab says so.
 *
 * ```
 * {"format": "gdlab-guide", "version": 1, "title": TEXT, "description": TEXT,     # description optional
 *  "lesson": NAME | "data": "file.csv",                                           # the CSV relative to the guide
 *  "steps": [{"caption": TEXT,                                                    # {placeholders}: GuideText
 *             "settings": {...},                # only what changes, as in a session's "settings"
 *             "cursor": N | "play": {"to": N, "speed": STEPS_PER_S},
 *             "pin": true, "emphasise": "fit" | "loss" | "contour" | "bowl",
 *             "question": TEXT, "answer": TEXT}, ...]}
 * ```
 * Each step's settings apply over those of the steps before it (the lesson's, or the defaults for a CSV), and every
 * step's whole settings must read as a session's do (RunJsonReader::readSettings); a cursor or play target must lie
 * within the run's iterations.
 */
class GuideReader {
public:
    static constexpr int kVersion = 1;

    /** @brief The guide in bytes, read from fileName (named in messages; a CSV it names is found beside it). */
    static std::optional<Guide> read(const QByteArray& bytes, const QString& fileName, QString* error);
    /** @brief The views a step may emphasise: fit, loss, contour, bowl. */
    static const QStringList& viewNames();
    /** @brief full with partial's entries put over it (the optimizer's one by one): a step's whole settings. */
    static QJsonObject overlay(const QJsonObject& full, const QJsonObject& partial);
};

} // namespace gdlab
