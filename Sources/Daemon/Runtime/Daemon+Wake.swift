import Foundation
import Store

/// The loop waits on its clock until its next due work, not on a fixed tick: the next
/// feed or delivery due (from the store), a site or feed held back, the store's pause, the
/// watchdog, the gauges, WebSub work, batching groups, `--once`'s delivery deadline.
/// Anything that makes work due sooner (a signal, a push, a result) ends the wait early.
extension Daemon {
    /// Work that is due but cannot start (a site at its limit, every slot busy) is looked at
    /// again after this long, not in a busy loop.
    static let shortestWait: TimeInterval = 0.25
    /// The longest wait, whatever the schedule says.
    static let longestWait: TimeInterval = 60

    func nextWake() -> Date {
        let now = clock()
        var wake = now.addingTimeInterval(Self.longestWait)
        func soonest(_ date: Date?) {
            if let date, date < wake { wake = date }
        }
        soonest((try? store.nextDue()) ?? nil)
        soonest(heldSites.values.min())
        soonest(heldFeeds.values.min())
        soonest(storeTroubleUntil)
        soonest(deliveryDeadline)
        if let interval = notifier.watchdogInterval { soonest(lastWatchdog.addingTimeInterval(interval)) }
        if readiness != nil { soonest(lastGaugeRefresh.addingTimeInterval(Self.gaugeRefresh)) }
        if configuration.rules.contains(where: { $0.batching != .each }) { soonest(lastGroupRelease.addingTimeInterval(1)) }
        soonest(nextWebSubWork())
        return max(wake, now.addingTimeInterval(Self.shortestWait))
    }

    /// Arms a wait until `nextWake()`, or ends the armed one early when work is due sooner.
    func armWake(group: inout ThrowingTaskGroup<Event, any Error>) {
        let wake = nextWake()
        if let armed = armedWake {
            if wake < armed { events.wakeup.signal() }
            return
        }
        armedWake = wake
        let (wakeup, clock) = (events.wakeup, daemonClock)
        group.addChild {
            await wakeup.wait(until: WallInstant(wake), on: clock)
            return .tick
        }
    }
}
