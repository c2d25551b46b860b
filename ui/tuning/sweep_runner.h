#pragma once

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

namespace reslab {
class Sweep;
class SweepCache;
} // namespace reslab

namespace reslab::ui {

/// Runs a prepared reslab::Sweep on a background thread (which spreads it over all cores) and
/// reports progress and the end on the GUI thread. cancel() stops it within one virtual second
/// of simulation per worker; destroying the runner cancels and waits, so nothing outlives it.
class SweepRunner final : public QObject
{
    Q_OBJECT

public:
    explicit SweepRunner(QObject *parent = nullptr);
    ~SweepRunner() override;

    /// Starts `sweep` (prepared) on `threads` workers; runs found in `cache` are not simulated
    /// again. False if a sweep is already running.
    bool start(std::shared_ptr<Sweep> sweep, std::shared_ptr<SweepCache> cache, int threads);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(qulonglong done, qulonglong total);
    /// The sweep ended: `complete` false when it was cancelled.
    void finished(bool complete);

private:
    void join();

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

} // namespace reslab::ui
