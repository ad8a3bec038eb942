#include "views/series_marker.h"

#include <qcustomplot.h>

#include <QStringList>

namespace gdlab::SeriesMarker {

namespace {

int wrapped(int seriesIndex)
{
    return (seriesIndex % 6 + 6) % 6;
}

} // namespace

QString symbol(int seriesIndex)
{
    static const QStringList symbols { QStringLiteral("■"), QStringLiteral("▲"), QStringLiteral("◆"),
        QStringLiteral("✚"), QStringLiteral("✱"), QStringLiteral("✕") };
    return seriesIndex < 0 ? QStringLiteral("●") : symbols[wrapped(seriesIndex)];
}

int scatterShape(int seriesIndex)
{
    static const QCPScatterStyle::ScatterShape shapes[] = { QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssDiamond, QCPScatterStyle::ssPlus, QCPScatterStyle::ssStar, QCPScatterStyle::ssCross };
    return seriesIndex < 0 ? QCPScatterStyle::ssDisc : shapes[wrapped(seriesIndex)];
}

bool isFilled(int seriesIndex)
{
    return seriesIndex < 0 || wrapped(seriesIndex) < 3;
}

QString mesh(int seriesIndex)
{
    // A cube and a pyramid are Qt DataVisualization's own; the others, solids that read as the flat shapes from
    // any side, are ours (resources/meshes).
    static const QStringList meshes { QStringLiteral(":/defaultMeshes/barFull"),
        QStringLiteral(":/defaultMeshes/pyramidFull"), QStringLiteral(":/gdlab/meshes/octahedron.obj"),
        QStringLiteral(":/gdlab/meshes/jack.obj"), QStringLiteral(":/gdlab/meshes/star.obj"),
        QStringLiteral(":/gdlab/meshes/saltire.obj") };
    return seriesIndex < 0 ? QStringLiteral(":/gdlab/meshes/sphere_low.obj") : meshes[wrapped(seriesIndex)];
}

} // namespace gdlab::SeriesMarker
