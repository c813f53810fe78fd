import ArgumentParser
import Outputs

/// `feedwatch secret new`: a fresh Standard Webhooks signing secret.
struct Secret: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Webhook signing secrets.", subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a fresh whsec_ secret (32 random bytes, base64) for a webhook's \"secret\" and its receiver.")

        func run() {
            print(WebhookSigner.newSecret())
        }
    }
}
