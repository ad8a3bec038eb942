#include "views/bowl_marker.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>
#include <QtDataVisualization/QValue3DAxis>

#include <QColor>
#include <QImage>

#include <algorithm>

namespace gdlab::BowlMarker {

namespace {

const QString sphereMesh = QStringLiteral(":/gdlab/meshes/sphere_low.obj");
const QString dotMesh = QStringLiteral(":/gdlab/meshes/sphere_dot.obj");

} // namespace

QCustom3DItem* add(Q3DSurface* graph, const QColor& colour)
{
    // A one-colour texture: custom items take their colour from a texture, not from the theme.
    QImage texture(2, 2, QImage::Format_RGB32);
    texture.fill(colour);
    auto* item = new QCustom3DItem;
    item->setMeshFile(sphereMesh);
    item->setTextureImage(texture);
    item->setShadowCasting(false);
    item->setVisible(false);
    graph->addCustomItem(item); // the graph owns it from here
    return item;
}

QCustom3DItem* addDot(Q3DSurface* graph, const QColor& colour)
{
    QCustom3DItem* item = add(graph, colour);
    item->setMeshFile(dotMesh);
    return item;
}

QCustom3DItem* recoloured(Q3DSurface* graph, QCustom3DItem* item, const QColor& colour)
{
    QCustom3DItem* copy = add(graph, colour);
    copy->setMeshFile(item->meshFile());
    copy->setPosition(item->position());
    copy->setScaling(item->scaling());
    copy->setVisible(item->isVisible());
    graph->removeCustomItem(item);
    return copy;
}

void setSize(QCustom3DItem* item, float size)
{
    item->setScaling(QVector3D(size, size, size));
}

QVector3D at(double x, double loss, double z)
{
    return { static_cast<float>(x), static_cast<float>(loss), static_cast<float>(z) };
}

std::array<double, 3> axisSpans(const Q3DSurface* graph)
{
    const auto span
        = [](const QValue3DAxis* axis) { return std::max(1e-300, static_cast<double>(axis->max() - axis->min())); };
    return { span(graph->axisX()), span(graph->axisY()), span(graph->axisZ()) };
}

} // namespace gdlab::BowlMarker
