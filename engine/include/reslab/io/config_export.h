#pragma once

#include "reslab/model/scenario.h"

#include <string>

namespace reslab {

/// The scenario's breaker, retry and timeout stages as resilience4j Spring Boot configuration
/// (`application.yml`: resilience4j.circuitbreaker / retry / timelimiter instances named after
/// the target service). Only settings that mean the same thing in resilience4j are written;
/// everything else (another breaker policy, jitters it lacks, budgets, fallbacks) is listed in
/// comments saying why.
std::string exportResilience4jYaml(const Scenario &scenario);

/// The same stages as Polly v8 C# options (CircuitBreakerStrategyOptions,
/// RetryStrategyOptions, TimeoutStrategyOptions) added to a ResiliencePipelineBuilder in
/// pipeline order (outermost first, as Polly's builder), with comments for what does not map.
std::string exportPollyCSharp(const Scenario &scenario);

} // namespace reslab
