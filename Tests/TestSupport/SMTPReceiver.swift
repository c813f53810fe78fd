import Foundation

/// A real SMTP server on 127.0.0.1 for tests: Debian's aiosmtpd (python3-aiosmtpd,
/// installed by `make test`), run by the system's Python. It requires AUTH with the given
/// login, can refuse the first messages with a reply, and writes each message it accepts,
/// parsed by Python's `email` package, as one JSON line: envelope, login, headers (encoded
/// words decoded) and each MIME part's type and decoded text.
public final class SMTPReceiver {
    public let port: Int
    private let process: Process
    private let input: Pipe
    private let output: String

    public static let python = "/usr/bin/python3"

    public init(login: (String, String), refuseFirst: Int = 0, reply: String = "451 4.3.0 try again later") throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString).jsonl").path
        FileManager.default.createFile(atPath: output, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", Self.script, login.0, login.1, String(refuseFirst), reply, output]
        input = Pipe()
        let ready = Pipe()
        process.standardInput = input
        process.standardOutput = ready
        try process.run()
        let line = ready.fileHandleForReading.readLine()
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ReceiverError.notStarted(line)
        }
        self.port = port
    }

    public enum ReceiverError: Error { case notStarted(String) }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The messages accepted so far, each a JSON object.
    public var messages: [String] {
        ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private static let script = #"""
import asyncio, email, email.policy, json, socket, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

user, password, refuse, reply, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
state = {"refused": 0}

def authenticator(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
    if ok:
        state["login"] = data.login.decode()
    return AuthResult(success=ok, handled=False)

class Handler:
    async def handle_DATA(self, server, session, envelope):
        if state["refused"] < refuse:
            state["refused"] += 1
            return reply
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = [{"type": p.get_content_type(), "text": p.get_content()} for p in message.walk() if not p.is_multipart()]
        record = {"from": envelope.mail_from, "to": envelope.rcpt_tos,
                  "login": state.get("login") if session.authenticated else None,
                  "headers": {k: str(v) for k, v in message.items()}, "contentType": message.get_content_type(),
                  "parts": parts, "refusedBefore": state["refused"],
                  "raw": envelope.original_content.decode("utf-8", "replace")}
        with open(out, "a") as f:
            f.write(json.dumps(record) + "\n")
        return "250 2.0.0 OK"

s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, authenticator=authenticator,
                        auth_required=True, auth_require_tls=False)
controller.start()
print(port, flush=True)
sys.stdin.read()
controller.stop()
"""#
}

extension FileHandle {
    /// Bytes up to a newline (or the end).
    func readLine() -> String {
        var bytes: [UInt8] = []
        while let byte = try? read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") { bytes.append(first) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
