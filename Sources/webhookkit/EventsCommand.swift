import ArgumentParser
import WebhookCore
import WebhookRegistry

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the registry: every event name of one vendor or of all four."
    )

    @Argument(help: "hipchat, confluence, rservice or apitree; all vendors when omitted.")
    var vendor: String?

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    @Flag(help: "Print Docs/Events.md (the Markdown tables of every vendor).")
    var markdown = false

    func validate() throws {
        if let vendor, !WebhookVendor.supported.contains(WebhookVendor(rawValue: vendor)) {
            throw ValidationError("unknown vendor '\(vendor)': use hipchat, confluence, rservice or apitree")
        }
        if json && markdown {
            throw ValidationError("--json and --markdown cannot be combined")
        }
    }

    func run() throws {
        if markdown {
            print(EventRegistry.markdown(), terminator: "")
            return
        }
        let vendors = vendor.map { [WebhookVendor(rawValue: $0)] } ?? WebhookVendor.supported
        for vendor in vendors {
            for event in EventRegistry.events(for: vendor) {
                if json {
                    printJSONLine([
                        "vendor": vendor.rawValue,
                        "event": event.name,
                        "summary": event.summary,
                        "category": event.category,
                        "action": event.action,
                        "type": event.swiftType,
                        "confirmation": event.confirmation.rawValue,
                    ])
                } else {
                    print("\(vendor.rawValue)\t\(event.name)\t\(event.swiftType)\t\(event.summary)")
                }
            }
        }
    }
}
