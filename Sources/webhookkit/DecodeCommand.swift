import ArgumentParser
import WebhookKit

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a body into its typed event, without verifying it.",
        discussion: """
            Prints one JSON line ("vendor", "event", "type", "unknown", "verified": false) and exits 0; an event \
            name the registry does not know decodes into the vendor's fallback ("unknown": true, "type": \
            "JSONValue"), and so does a Confluence body that names no event when --event is not given ("event": \
            null). A signed R-Service body ({"jwt": ...}) is decoded from the token's data claim WITHOUT verifying \
            the token, with a warning on standard error: use verify to check it. Exits 1 with "<code>: <reason>" on \
            standard error for a body that cannot be decoded, 2 for a usage error or an unreadable file.
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
            decoded = try decodeForInspection(body, from: vendor, eventName: event)
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

/// What `decode` shows for a body: the vendor's decoding, except for two bodies a server would not decode this way.
///
/// - A signed R-Service body (`{"jwt": ...}`) is decoded from the token's `data` claim without verifying it
///   (`RServiceEvent.decodeUnverified(signedBody:)`), with a warning on standard error.
/// - A Confluence body that names no event, with no `--event`, is the fallback `unknown` with no name.
func decodeForInspection(_ body: [UInt8], from vendor: WebhookVendor, eventName: String?) throws(WebhookError)
    -> WebhookEvent
{
    if vendor == .rService, let members = RServiceJSON.members(of: body),
        RServiceJSON.first(named: "jwt", in: members).count > 0
    {
        printWarning("the token of this signed body is NOT verified (decode only reads it): use verify to check it")
        return .rService(try RServiceEvent.decodeUnverified(signedBody: body))
    }
    do {
        return try WebhookReceiver.decode(body, from: vendor, eventName: eventName)
    } catch  where vendor == .confluence && error.code == .missingEventName {
        return .confluence(.unknown(name: nil, json: try WebhookJSON.value(from: body, vendor: .confluence)))
    }
}
