#pragma once

#include "reslab/metrics/metrics.h"
#include "reslab/metrics/run_recorder.h"

#include <nlohmann/json_fwd.hpp>

#include <ostream>
#include <string>

namespace reslab {

/// summary.json (docs/scenario.md "Output files" keys; times in ms rounded to three decimals).
nlohmann::json summaryToJson(const Summary &summary);
/// timeseries.csv: one row per closed bucket, `t_s` the bucket's start.
void writeTimeseriesCsv(std::ostream &out, const RunRecorder &recorder);
/// The summary as the CLI prints it: a short aligned table.
std::string formatSummaryText(const Summary &summary);
/// A fraction in [0, 1+] with up to four decimals ("0.9532", "1", "0").
std::string formatFraction(double v);

} // namespace reslab
