import Foundation
import Model

extension DigestTimes {
    /// The first time a digest goes out after `date`, in the digest's time zone (daylight
    /// saving included: "08:00" stays 08:00 on the wall clock).
    /// - `every` under a day: the times `at` ± k × `every` within each local day ("6h" at
    ///   "08:00": 02:00, 08:00, 14:00, 20:00).
    /// - A whole number of days: at `at` on days counted from Monday 2024-01-01, so
    ///   "7d" is every Monday unless `day` names another weekday, and "2d" keeps one rhythm.
    public func next(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let today = calendar.startOfDay(for: date)
        let dayLength: TimeInterval = 86_400
        if every < dayLength {
            let step = max(every, 60)
            var best: Date?
            for offset in -1...1 {
                guard let start = calendar.date(byAdding: .day, value: offset, to: today),
                      let end = calendar.date(byAdding: .day, value: 1, to: start) else { continue }
                let base = start.addingTimeInterval(TimeInterval(minute * 60))
                // The day's first slot after `date`, then checked to lie within the day.
                let k = max((date.timeIntervalSince(base) / step).rounded(.down) + 1,
                            -(base.timeIntervalSince(start) / step).rounded(.down))
                let slot = base.addingTimeInterval(k * step)
                if slot > date, slot >= start, slot < end, best.map({ slot < $0 }) ?? true { best = slot }
            }
            return best ?? date.addingTimeInterval(step)
        }
        let days = max(1, Int((every / dayLength).rounded()))
        let anchor = calendar.date(from: DateComponents(year: 2024, month: 1, day: 1)) ?? today
        for offset in 0...(days + 1) {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { continue }
            var parts = calendar.dateComponents([.year, .month, .day], from: day)
            parts.hour = minute / 60
            parts.minute = minute % 60
            guard let time = calendar.date(from: parts), time > date else { continue }
            if let weekday, days == 7 {
                if calendar.component(.weekday, from: day) == weekday { return time }
                continue
            }
            let index = calendar.dateComponents([.day], from: anchor, to: day).day ?? 0
            if (index % days + days) % days == 0 { return time }
        }
        return date.addingTimeInterval(every)
    }
}
