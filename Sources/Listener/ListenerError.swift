/// The local listener failed: it could not bind its address, or stopped serving.
public struct ListenerError: Error, CustomStringConvertible {
    public var address: ListenAddress
    public var reason: String

    public var description: String { "listen: cannot serve on \(address): \(reason)" }
}
