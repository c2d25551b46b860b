#!/usr/bin/python3
"""The M/M/1 model of bench/bench_engine.cpp in SimPy 2 (Debian python3-simpy, module SimPy).

Poisson arrivals at 900/s, one server (a Resource of capacity 1) with exponential service at
1000/s, unbounded FIFO queue: the canonical SimPy "bank" model. Events are counted the way the
engine and the bare loop count them: one per arrival and one per departure (two per customer).
SimPy's own scheduler posts (hold, activate, request wake-ups) are reported as sched_posts.

    /usr/bin/python3 bench/mm1_simpy.py --events 400000

Prints one line of key=value pairs like bench_run_hour.
"""
import argparse
import random
import resource
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

ARRIVAL_PER_S = 900.0
SERVICE_PER_S = 1000.0


class Counts:
    arrivals = 0
    departures = 0


class Customer(Process):
    def visit(self, server, rng, counts):
        yield request, self, server
        yield hold, self, rng.expovariate(SERVICE_PER_S)
        yield release, self, server
        counts.departures += 1


class Source(Process):
    def generate(self, server, rng, counts):
        sim = self.sim
        while True:
            yield hold, self, rng.expovariate(ARRIVAL_PER_S)
            counts.arrivals += 1
            c = Customer(name="customer", sim=sim)
            sim.activate(c, c.visit(server, rng, counts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=400000,
                    help="about this many model events (arrivals + departures)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    sim_s = args.events / (2.0 * ARRIVAL_PER_S)
    rng = random.Random(args.seed)
    counts = Counts()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    c0 = time.process_time()
    sim = Simulation()
    server = Resource(capacity=1, name="server", sim=sim)
    src = Source(name="source", sim=sim)
    sim.activate(src, src.generate(server, rng, counts))
    sim.simulate(until=sim_s)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    events = counts.arrivals + counts.departures
    print("mode=simpy events=%d requests=%d sim_s=%.3f wall_s=%.6f events_per_s=%.0f "
          "requests_per_s=%.0f maxrss_kb=%d base_rss_kb=%d cpu_s=%.6f sched_posts=%d "
          "departures=%d"
          % (events, counts.arrivals, sim_s, wall, events / wall, counts.arrivals / wall,
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, base_rss, cpu,
             -sim._sortpr, counts.departures))


if __name__ == "__main__":
    main()
