#include "sweep_runner.h"

#include "reslab/tuning/sweep.h"

#include <QMetaObject>
#include <QPointer>

namespace reslab::ui {

SweepRunner::SweepRunner(QObject *parent)
    : QObject(parent)
{}

SweepRunner::~SweepRunner()
{
    m_cancel = true;
    join();
}

void SweepRunner::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool SweepRunner::start(std::shared_ptr<Sweep> sweep, std::shared_ptr<SweepCache> cache,
                        int threads)
{
    if (m_running)
        return false;
    join(); // a finished thread whose end has not been delivered yet
    m_cancel = false;
    m_running = true;
    m_thread = std::thread([this, sweep = std::move(sweep), cache = std::move(cache), threads] {
        const bool complete = sweep->run(
            threads,
            [this](std::size_t done, std::size_t total) {
                // Queued to the runner's thread; dropped if the runner is gone by then (its
                // destructor joins this thread first, so it cannot be gone while we post).
                QMetaObject::invokeMethod(
                    this,
                    [this, done, total] {
                        emit progress(static_cast<qulonglong>(done),
                                      static_cast<qulonglong>(total));
                    },
                    Qt::QueuedConnection);
            },
            &m_cancel, cache.get());
        QMetaObject::invokeMethod(
            this,
            [this, complete] {
                join();
                m_running = false;
                emit finished(complete);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SweepRunner::cancel()
{
    m_cancel = true;
}

} // namespace reslab::ui
