#include "session/guide_catalog.h"

#include "session/guide_reader.h"

#include <QFile>
#include <QFileInfo>

namespace gdlab {

const QStringList& GuideCatalog::names()
{
    static const QStringList names { QStringLiteral("five_points"), QStringLiteral("five_points_rss"),
        QStringLiteral("two_features_n50"), QStringLiteral("three_features_ints_n20"),
        QStringLiteral("two_features_n100") };
    return names;
}

QString GuideCatalog::resourcePath(const QString& name)
{
    return QStringLiteral(":/guides/%1.json").arg(name);
}

std::optional<Guide> GuideCatalog::load(const QString& nameOrPath, QString* error)
{
    const bool builtIn = names().contains(nameOrPath);
    QFile file(builtIn ? resourcePath(nameOrPath) : nameOrPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = builtIn || QFileInfo(nameOrPath).isFile()
            ? QStringLiteral("Cannot open %1: %2").arg(nameOrPath, file.errorString())
            : QStringLiteral("%1: no built-in guide is called that (%2), and no file is there")
                  .arg(nameOrPath, names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    std::optional<Guide> guide = GuideReader::read(file.readAll(), builtIn ? nameOrPath : nameOrPath, error);
    if (!guide)
        return std::nullopt;
    if (builtIn)
        guide->name = nameOrPath;
    else
        guide->path = QFileInfo(nameOrPath).absoluteFilePath();
    return guide;
}

} // namespace gdlab
