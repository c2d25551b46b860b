#include "pattern_style.h"

#include "views/view_palette.h"

#include <QCoreApplication>

namespace reslab::ui {
namespace {

namespace vp = view_palette;

QString breakerKey(const StageSpec &s, bool)
{
    const BreakerSpec &b = s.as<BreakerSpec>();
    if (b.is<ConsecutiveOptions>())
        return QCoreApplication::translate("PatternStyle", "%1 fails")
            .arg(b.as<ConsecutiveOptions>().failureThreshold);
    if (b.is<Resilience4jOptions>())
        return QCoreApplication::translate("PatternStyle", "≥%1 % fail")
            .arg(b.as<Resilience4jOptions>().failureRateThreshold);
    if (b.is<PollyOptions>())
        return QCoreApplication::translate("PatternStyle", "≥%1 % fail")
            .arg(b.as<PollyOptions>().failureRatio * 100);
    return {};
}

QString retryKey(const StageSpec &s, bool compact)
{
    const RetrySpec &r = s.as<RetrySpec>();
    const QString backoff =
        r.backoff == RetrySpec::Backoff::Fixed
            ? QCoreApplication::translate("PatternStyle", "fixed", "backoff")
        : r.backoff == RetrySpec::Backoff::Linear
            ? QCoreApplication::translate("PatternStyle", "linear", "backoff")
            : QCoreApplication::translate("PatternStyle", "exp", "exponential backoff");
    if (compact)
        return QCoreApplication::translate("PatternStyle", "%1× %2").arg(r.maxRetries).arg(backoff);
    return QCoreApplication::translate("PatternStyle", "%1× %2 %3")
        .arg(r.maxRetries)
        .arg(backoff, vp::formatDurationMs(r.baseMs));
}

QString timeoutKey(const StageSpec &s, bool)
{
    return vp::formatDurationMs(s.as<TimeoutSpec>().timeoutMs);
}

QString fallbackKey(const StageSpec &s, bool compact)
{
    const FallbackSpec &f = s.as<FallbackSpec>();
    switch (f.mode) {
    case FallbackSpec::Mode::Static:
        return QCoreApplication::translate("PatternStyle", "static");
    case FallbackSpec::Mode::Cache:
        return compact ? QCoreApplication::translate("PatternStyle", "cache")
                       : QCoreApplication::translate("PatternStyle", "cache %1")
                             .arg(vp::formatDurationMs(f.ttlMs));
    case FallbackSpec::Mode::Service:
        return QCoreApplication::translate("PatternStyle", "→ %1")
            .arg(QString::fromStdString(f.service));
    }
    return {};
}

QString bulkheadKey(const StageSpec &s, bool)
{
    return QCoreApplication::translate("PatternStyle", "%1 at a time")
        .arg(s.as<BulkheadSpec>().maxConcurrentCalls);
}

QString rateLimiterKey(const StageSpec &s, bool compact)
{
    const RateLimiterSpec &r = s.as<RateLimiterSpec>();
    if (r.algorithm == RateLimiterSpec::Algorithm::TokenBucket)
        return QCoreApplication::translate("PatternStyle", "%1/s").arg(r.tokensPerS);
    if (compact)
        return QCoreApplication::translate("PatternStyle", "%1/period").arg(r.limitForPeriod);
    return QCoreApplication::translate("PatternStyle", "%1 per %2")
        .arg(r.limitForPeriod)
        .arg(vp::formatDurationMs(r.limitRefreshPeriodMs));
}

QString hedgingKey(const StageSpec &s, bool)
{
    const HedgingSpec &h = s.as<HedgingSpec>();
    if (h.delayMs < 0)
        return QCoreApplication::translate("PatternStyle", "+%1 on failure")
            .arg(h.maxHedgedAttempts);
    return QCoreApplication::translate("PatternStyle", "+%1 after %2")
        .arg(h.maxHedgedAttempts)
        .arg(vp::formatDurationMs(h.delayMs));
}

QString noKey(const StageSpec &, bool)
{
    return {};
}

} // namespace

const std::vector<PatternStyle> &patternStyles()
{
    // Colours: a retry is drawn in the retry orange of the timelines, a fallback in the fallback
    // blue of the outcome charts; the breaker and the timeout take hues no state or outcome uses.
    static const std::vector<PatternStyle> styles{
        {"circuit_breaker", QT_TRANSLATE_NOOP("PatternStyle", "Circuit breaker"),
         QT_TRANSLATE_NOOP("PatternStyle", "Breaker"), QColor(0x6a, 0x1b, 0x9a), breakerKey},
        {"retry", QT_TRANSLATE_NOOP("PatternStyle", "Retry"),
         QT_TRANSLATE_NOOP("PatternStyle", "Retry"), vp::kRetrying, retryKey},
        {"timeout", QT_TRANSLATE_NOOP("PatternStyle", "Timeout"),
         QT_TRANSLATE_NOOP("PatternStyle", "Timeout"), QColor(0x45, 0x5a, 0x64), timeoutKey},
        {"fallback", QT_TRANSLATE_NOOP("PatternStyle", "Fallback"),
         QT_TRANSLATE_NOOP("PatternStyle", "Fallback"), vp::kFallback, fallbackKey},
        {"bulkhead", QT_TRANSLATE_NOOP("PatternStyle", "Bulkhead"),
         QT_TRANSLATE_NOOP("PatternStyle", "Bulkhead"), QColor(0x00, 0x83, 0x8f), bulkheadKey},
        {"rate_limiter", QT_TRANSLATE_NOOP("PatternStyle", "Rate limiter"),
         QT_TRANSLATE_NOOP("PatternStyle", "Limiter"), QColor(0x8d, 0x6e, 0x63), rateLimiterKey},
        {"hedging", QT_TRANSLATE_NOOP("PatternStyle", "Hedging"),
         QT_TRANSLATE_NOOP("PatternStyle", "Hedging"), QColor(0x55, 0x8b, 0x2f), hedgingKey},
    };
    return styles;
}

const PatternStyle &patternStyle(std::string_view key)
{
    for (const PatternStyle &s : patternStyles()) {
        if (s.key == key)
            return s;
    }
    static const PatternStyle unknown{"", QT_TRANSLATE_NOOP("PatternStyle", "Unknown stage"),
                                      QT_TRANSLATE_NOOP("PatternStyle", "Stage"),
                                      QColor(0x7f, 0x8c, 0x8d), noKey};
    return unknown;
}

QString patternTitle(std::string_view key)
{
    return QCoreApplication::translate("PatternStyle", patternStyle(key).title);
}

QString patternShortTitle(std::string_view key)
{
    return QCoreApplication::translate("PatternStyle", patternStyle(key).shortTitle);
}

QColor patternColour(std::string_view key)
{
    return patternStyle(key).colour;
}

QString patternKeyParameter(const StageSpec &stage, bool compact)
{
    return patternStyle(stage.typeName()).keyParameter(stage, compact);
}

} // namespace reslab::ui
