#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gdlab {

/**
 * @brief Where a value sits in JSON text, to tell a teacher the line and column of a bad field: QJsonDocument keeps no
 * positions once it has parsed.
 */
class JsonLocator {
public:
    /**
     * @brief The byte offset of the value at path in json (keys, and array indices as decimal text: {"steps", "2",
     * "caption"}), or -1 when it is not there. json must be a document QJsonDocument accepted.
     */
    static int offsetOf(const QByteArray& json, const QStringList& path);
    /** @brief "line 3, column 14" of a byte offset, as an editor counts them (columns in characters). */
    static QString lineAndColumn(const QByteArray& json, int offset);
};

} // namespace gdlab
