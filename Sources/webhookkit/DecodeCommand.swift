import ArgumentParser
import WebhookKit

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a body into its typed event, without verifying it.",
        discussion: """
            Prints one JSON line ("vendor", "event", "type", "unknown") and exits 0; an event name the registry \
            does not know decodes into the vendor's fallback ("unknown": true, "type": "JSONValue"). Exits 1 with \
            "<code>: <reason>" on standard error for a body that cannot be decoded, 2 for a usage error or an \
            unreadable file. A signed R-Service body ({"jwt": ...}) is not decoded: use verify.
            """
    )

    @Argument(help: "hipchat, confluence, rservice or apitree.")
    var vendor: String

    @Argument(help: "The body file, or - for standard input.")
    var bodyFile: String

    @Option(help: "The event name when the body has none (Confluence Cloud); for Confluence it wins over the body.")
    var event: String?

    @Flag(help: "Also print the decoded payload, as JSON, on a second line.")
    var payload = false

    func validate() throws {
        _ = try parseVendor(vendor)
    }

    func run() throws {
        let vendor = try parseVendor(vendor)
        let body = try readInput(bodyFile)
        let decoded: WebhookEvent
        do {
            decoded = try WebhookReceiver.decode(body, from: vendor, eventName: event)
        } catch {
            throw ToolFailure.rejected(error.description)
        }
        printJSONLine(decodedSummary(decoded))
        if payload {
            do {
                print(String(decoding: try WebhookJSON.encode(decoded), as: UTF8.self))
            } catch {
                throw ToolFailure.rejected(error.description)
            }
        }
    }
}
