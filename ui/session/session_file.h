#pragma once

#include "session/saved_session.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace gdlab {

struct Run;

/**
 * @brief The .gdlab file: a versioned JSON document that reopens the same screen.
 *
 * ```
 * {"format": "gdlab-session", "version": 1,
 *  "data": {...}, "problem": {...}, "settings": {...},   # as RunJson writes them
 *  "cursor": {"iteration": k},
 *  "pins": [{"settings": {...}}, ...],                 # the runs the user pinned, computed again on opening
 *  "race": "gd,momentum:lr=0.05",                      # the race running (raceText), absent for none
 *  "views": {...},                                      # each view's options (SessionActions)
 *  "guide": {"name": NAME | "path": FILE, "step": k}}   # the guide open and its step (from 1); only when one is
 * ```
 *
 * The data is a lesson's name while its points are the lesson's own; otherwise its rows are in the file (up to
 * kMaxSavedRows; a larger file is referred to by its path and read again on opening), so that a session sent to a
 * student opens without the CSV beside it.
 */
class SessionFile {
public:
    static constexpr int kVersion = 1;
    static constexpr long long kMaxSavedRows = 200'000;

    /**
     * @brief The session of run at iteration with pins pinned, race running (raceText; empty: none) and guide open
     * (empty: none). The data goes by the lesson's name while run names its lesson (points edited make it the user's
     * own data, with no lesson name).
     */
    static QByteArray write(const Run& run, long long iteration, const QJsonObject& views,
        const std::vector<const Run*>& pins = {}, const std::string& race = {}, const QJsonObject& guide = {});
    /**
     * @brief The session in bytes, read from fileName (named in messages). On anything wrong (not JSON, another
     * format, a newer version, a bad field, a CSV that is gone) nothing, with a message naming the file and the
     * line and column or the field.
     */
    static std::optional<SavedSession> read(const QByteArray& bytes, const QString& fileName, QString* error);
};

} // namespace gdlab
