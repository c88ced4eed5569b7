import WebhookCore

extension EventRegistry {
    /// The registry as the Markdown document `Docs/Events.md`: per vendor, a table of every event.
    ///
    /// `webhookkit events --markdown` prints it, and a test keeps `Docs/Events.md` equal to it.
    public static func markdown() -> String {
        var lines: [String] = [
            "# Events",
            "",
            "Every event name WebhookKit knows, per vendor: the name as the vendor sends it, a one-line summary,",
            "the Swift type that decodes it, and how well the name is established (`documented` by the vendor,",
            "`observed` in a real delivery, `third-party` code or docs only, `unconfirmed`). Names not listed here",
            "still decode, into each vendor event's `unknown` case.",
            "",
            "Generated from `EventRegistry` by `swift run webhookkit events --markdown > Docs/Events.md`;",
            "a test fails when this file and the registry differ.",
        ]
        for vendor in WebhookVendor.supported {
            let events = events(for: vendor)
            lines.append("")
            lines.append("## \(vendor.displayName) (\(events.count) events)")
            lines.append("")
            lines.append("| Event | Summary | Category | Swift type | Confirmation |")
            lines.append("|---|---|---|---|---|")
            for event in events {
                let category = event.action.map { "\(event.category) / \($0)" } ?? event.category
                let summary = event.summary.replacingPipes()
                lines.append(
                    "| `\(event.name)` | \(summary) | \(category) | `\(event.swiftType)` | \(event.confirmation) |"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
