#pragma once

#include "session/guide.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace gdlab {

/**
 * @brief The guides built into the program (resources/guides/NAME.json, compiled in as ":/guides/NAME.json"), one
 * per tutorial, and the one way to open a guide by name or from a file.
 */
class GuideCatalog {
public:
    /** @brief The built-in guides' names, in the order the tutorials come. */
    static const QStringList& names();
    /** @brief The built-in guide's resource path. */
    static QString resourcePath(const QString& name);
    /**
     * @brief A built-in guide by its name, or the guide in a file; nothing with a message (the file's line and column
     * where something is wrong).
     */
    static std::optional<Guide> load(const QString& nameOrPath, QString* error);
};

} // namespace gdlab
