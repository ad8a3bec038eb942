#pragma once

#include <QPaintDevice>

#include <memory>

namespace gdlab {

class ClippingPaintEngine;

/**
 * @brief Stands for another paint device (an SVG generator) with the same size and resolution, painting through
 * ClippingPaintEngine so that what the target cannot clip is clipped before it gets there.
 */
class ClippingPaintDevice : public QPaintDevice {
public:
    explicit ClippingPaintDevice(QPaintDevice* target);
    ~ClippingPaintDevice() override;
    ClippingPaintDevice(const ClippingPaintDevice&) = delete;
    ClippingPaintDevice& operator=(const ClippingPaintDevice&) = delete;

    QPaintEngine* paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QPaintDevice* m_target;
    std::unique_ptr<ClippingPaintEngine> m_engine;
};

} // namespace gdlab
