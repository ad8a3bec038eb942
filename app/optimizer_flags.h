#pragma once

#include "optimizer_settings.h"

#include <functional>
#include <string>
#include <vector>

namespace gdlab {

/**
 * @brief The optimizer's flags of gdlab-run and gdlab: --optimizer, --momentum, --beta1, --beta2, --rho, --eps.
 * Remembers which parameters were given, so that one the chosen optimizer does not use is refused.
 */
class OptimizerFlags {
public:
    /** @brief Applies flag if it is one of the optimizer's (value() reads its value); false for any other. */
    bool apply(const std::string& flag, const std::function<std::string()>& value, OptimizerSettings& settings);

    /**
     * @brief Throws InputError naming the flag and the value for a parameter the optimizer does not use or out of
     * range, and for newton with sgd or minibatch (sgdOrMinibatch).
     */
    void check(const OptimizerSettings& settings, bool sgdOrMinibatch) const;

private:
    std::vector<std::pair<OptimizerParameter, std::string>> m_given; ///< parameter and the text given
};

} // namespace gdlab
