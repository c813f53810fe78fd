import Foundation

/// Verifies a Standard Webhooks signature with Python's hmac module, an
/// implementation independent of the one under test (OpenSSL via feedwatch).
public enum IndependentSignatureCheck {
    public static func verify(secret: String, id: String, timestamp: String, body: String, signature: String) throws -> Bool {
        let script = """
        import base64, hashlib, hmac, json, sys
        a = json.load(sys.stdin)
        key = a["secret"]
        key = base64.b64decode(key[6:]) if key.startswith("whsec_") else key.encode()
        mac = hmac.new(key, f"{a['id']}.{a['ts']}.{a['body']}".encode(), hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(mac).decode()
        print("ok" if any(hmac.compare_digest(expected, s) for s in a["sig"].split(" ")) else "bad")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let payload = try JSONSerialization.data(withJSONObject: ["secret": secret, "id": id, "ts": timestamp, "body": body, "sig": signature])
        input.fileHandleForWriting.write(payload)
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return answer.trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
    }
}

/// HMAC in hex by Python's hmac module, as a WebSub hub signs its pushes (`X-Hub-Signature`):
/// the signer is independent of the verifier under test (OpenSSL via feedwatch).
public enum IndependentHMAC {
    public static func hex(_ algorithm: String, key: String, message: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import hashlib, hmac, sys
            print(hmac.new(sys.argv[1].encode(), sys.stdin.buffer.read(), getattr(hashlib, sys.argv[2])).hexdigest())
            """, key, algorithm]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(message))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return answer.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
