import Prometheus

/// The registry behind `/metrics`, and the swift-metrics factory that fills it. Its fetch
/// histogram reaches past the poll timeout's default (30 s): the default buckets stop at 10 s.
public struct PrometheusExposition: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    public var factory: PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["feedwatch_fetch_duration_seconds"] = [
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        return factory
    }

    /// The text exposition format of every series.
    @Sendable public func text() -> [UInt8] { registry.emitToBuffer() }
}
