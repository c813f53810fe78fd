/// Conversions from floating point that never trap. `Int(someDouble)` traps on
/// NaN, infinity and anything out of range; these round toward zero and clamp.
extension FixedWidthInteger {
    /// `value` rounded toward zero, clamped into the type's range; NaN is 0.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value <= Double(Self.min) {
            self = Self.min
        } else if value >= Double(Self.max) {
            // Double(Int64.max) rounds up to 2^63, so equality must clamp too.
            self = Self.max
        } else {
            self = Self(value.rounded(.towardZero))
        }
    }

    /// Milliseconds in `seconds`, clamped (curl's *_MS options take a long).
    public init(millisecondsIn seconds: Double) {
        self.init(saturating: seconds * 1000)
    }

    /// Nanoseconds in `seconds`, clamped (Task.sleep takes UInt64 nanoseconds).
    public init(nanosecondsIn seconds: Double) {
        self.init(saturating: seconds * 1_000_000_000)
    }
}
