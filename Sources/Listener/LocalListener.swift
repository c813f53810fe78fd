import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The daemon's one local HTTP server (`settings.listen`). It answers:
/// - `GET /healthz`: 200 while the process runs;
/// - `GET /readyz`: 200 when `readiness` says ready, else 503 with its reason;
/// - `GET /metrics`: the Prometheus text exposition format (version 0.0.4);
/// - `GET` and `POST /websub/{token}`: the WebSub callback (`WebSubRoutes`), when set.
/// It knows the daemon only through these closures, so that it stays a thin wall
/// around Hummingbird; `Daemon` wires it.
public struct LocalListener: Sendable {
    public struct Endpoints: Sendable {
        /// The exposition text of every metric.
        public var metrics: @Sendable () -> [UInt8]
        /// nil when ready, else why not (one line).
        public var readiness: @Sendable () -> String?
        /// The WebSub callback, when the daemon subscribes to hubs.
        public var webSub: WebSubRoutes?

        public init(metrics: @escaping @Sendable () -> [UInt8], readiness: @escaping @Sendable () -> String?,
                    webSub: WebSubRoutes? = nil) {
            self.metrics = metrics
            self.readiness = readiness
            self.webSub = webSub
        }
    }

    public let address: ListenAddress
    public let endpoints: Endpoints

    public init(address: ListenAddress, endpoints: Endpoints) {
        self.address = address
        self.endpoints = endpoints
    }

    /// The server as a swift-service-lifecycle service: it stops on graceful shutdown.
    /// `bound` hears the port it listens on (the system's choice for port 0).
    public func service(logger: Logger, bound: @escaping @Sendable (Int) async -> Void = { _ in }) -> any Service {
        let router = Router()
        let endpoints = self.endpoints
        router.get("healthz") { _, _ in Self.text("ok\n") }
        router.get("readyz") { _, _ in
            guard let reason = endpoints.readiness() else { return Self.text("ready\n") }
            return Self.text("not ready: \(reason)\n", status: .serviceUnavailable)
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: endpoints.metrics())))
        }
        if let webSub = endpoints.webSub { Self.route(webSub, on: router) }
        let address = self.address
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "feedwatch"),
            onServerRunning: { channel in await bound(channel.localAddress?.port ?? address.port) },
            logger: logger)
        return Serving(application: application, address: address)
    }

    /// The server, its failures named by the address (a port already taken, above all).
    private struct Serving: Service {
        let application: any Service
        let address: ListenAddress

        func run() async throws {
            do {
                try await application.run()
            } catch {
                throw ListenerError(address: address, reason: "\(error)")
            }
        }
    }

    private static func route(_ webSub: WebSubRoutes, on router: Router<BasicRequestContext>) {
        router.get("websub/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let answer = webSub.verify(token, query)
            return text(answer.body, status: .init(code: answer.status))
        }
        router.post("websub/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: webSub.maxBodyBytes)
            } catch {
                return text("too large\n", status: .contentTooLarge)
            }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            return text("", status: .init(code: webSub.receive(token, headers, Array(buffer: body))))
        }
    }

    private static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
