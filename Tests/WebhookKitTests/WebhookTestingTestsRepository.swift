import Foundation
import Testing

/// Checks on files around WebhookTesting and the middleware that no compiler sees together.
@Suite("Docs and middleware sources")
struct WebhookTestingTestsRepository {
    static func read(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The region between `// snippet.<name>` and `// snippet.end`, without its common indentation.
    static func region(_ name: String, in source: String) -> String? {
        let lines = source.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// snippet.\(name)" }),
            let end = lines[(start + 1)...].firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces) == "// snippet.end"
            })
        else { return nil }
        let body = lines[(start + 1)..<end]
        let indent =
            body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
            .joined(separator: "\n")
    }

    /// Every `<!-- snippet: path#name -->` block in Docs/Middleware.md and Docs/Testing.md is the compiled
    /// example code it quotes (`python3 Scripts/sync-doc-snippets.py` rewrites them).
    @Test(arguments: ["Docs/Middleware.md", "Docs/Testing.md"])
    func docSnippetsMatchTheExampleSources(doc: String) throws {
        let lines = try Self.read(doc).components(separatedBy: "\n")
        var checked = 0
        for (index, line) in lines.enumerated() where line.hasPrefix("<!-- snippet: ") {
            let reference = line.dropFirst("<!-- snippet: ".count).dropLast(" -->".count)
            let parts = reference.split(separator: "#")
            try #require(parts.count == 2, "\(doc):\(index + 1)")
            #expect(lines[index + 1] == "```swift", "\(doc):\(index + 1)")
            let close = try #require(lines[(index + 2)...].firstIndex(of: "```"))
            let quoted = lines[(index + 2)..<close].joined(separator: "\n")
            let source = try Self.read(String(parts[0]))
            let region = try #require(Self.region(String(parts[1]), in: source), "\(reference)")
            #expect(quoted == region, "\(doc):\(index + 1) differs from \(reference): run Scripts/sync-doc-snippets.py")
            checked += 1
        }
        #expect(checked >= 2)
    }
}
