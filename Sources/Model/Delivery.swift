/// One queued delivery of one alert to one output, as the outbox hands it out.
public struct Delivery: Sendable, Equatable {
    public var alertID: String
    public var output: String
    /// The alert JSON, byte for byte what every attempt sends.
    public var payload: String
    /// The readable one-line form, for terminals.
    public var line: String
    /// 1 for the first try.
    public var attempt: Int
    /// Where the store keeps it (0 when unknown): settling by row touches no index.
    public var row: Int64

    public init(alertID: String, output: String, payload: String, line: String, attempt: Int, row: Int64 = 0) {
        self.alertID = alertID
        self.output = output
        self.payload = payload
        self.line = line
        self.attempt = attempt
        self.row = row
    }
}
