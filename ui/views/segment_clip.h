#pragma once

class QPointF;
class QRectF;

namespace gdlab {

/**
 * @brief Cuts the segment a–b to the part inside rect (Liang–Barsky): a and b become that part's ends, which lie on
 * the segment. False, with a and b left unspecified, when no part of it is inside.
 */
bool clipSegment(QPointF& a, QPointF& b, const QRectF& rect);

} // namespace gdlab
