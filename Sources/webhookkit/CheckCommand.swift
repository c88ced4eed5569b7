import ArgumentParser
import Foundation
import WebhookKit
import WebhookTesting

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify and decode every signed sample request in Fixtures/<vendor>/requests/ and compare.",
        discussion: """
            For each vendor, reads requests/config.json (how to configure the verifier), then verifies and \
            decodes every other .json file there at its "now" and compares the outcome with its "expect". Prints \
            a table and "N passed, M failed". Exits 0 when every request matches, 1 otherwise, 2 when the \
            directory, a config or a request file cannot be read.
            """
    )

    @Argument(help: "The fixtures directory.")
    var fixturesDirectory = "Fixtures"

    @Option(help: "Check only this vendor.")
    var vendor: String?

    func validate() throws {
        if let vendor { _ = try parseVendor(vendor) }
    }

    func run() async throws {
        let root = URL(filePath: fixturesDirectory, directoryHint: .isDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path(percentEncoded: false), isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw ToolFailure.usage("cannot read the fixtures directory '\(fixturesDirectory)'")
        }
        let vendors = try vendor.map { [try parseVendor($0)] } ?? WebhookVendor.supported
        var rows: [CheckRow] = []
        for vendor in vendors {
            rows += try await check(vendor, root: root)
        }
        printTable(rows)
        let passed = rows.count { $0.passed }
        print("\(passed) passed, \(rows.count - passed) failed")
        if passed != rows.count {
            throw ExitCode(1)
        }
    }

    /// Checks one vendor: `requests/` with its `config.json`, and each subfolder of it that has its own
    /// `config.json` (a vendor with several verifier modes keeps one folder per mode).
    private func check(_ vendor: WebhookVendor, root: URL) async throws -> [CheckRow] {
        let vendorDirectory = root.appending(path: vendor.rawValue, directoryHint: .isDirectory)
        let requests = vendorDirectory.appending(path: "requests", directoryHint: .isDirectory)
        var rows = try await checkFolder(vendor, folder: requests, prefix: "", vendorDirectory: vendorDirectory)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: requests.path(percentEncoded: false))) ?? []
        for name in entries.sorted() {
            let folder = requests.appending(path: name, directoryHint: .isDirectory)
            let config = folder.appending(path: "config.json").path(percentEncoded: false)
            guard FileManager.default.fileExists(atPath: config) else { continue }
            rows += try await checkFolder(vendor, folder: folder, prefix: name + "/", vendorDirectory: vendorDirectory)
        }
        return rows
    }

    private func checkFolder(
        _ vendor: WebhookVendor,
        folder: URL,
        prefix: String,
        vendorDirectory: URL
    ) async throws -> [CheckRow] {
        let folderPath = folder.path(percentEncoded: false)
        let config = try FixtureConfig.read(folder.appending(path: "config.json").path(percentEncoded: false))
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
                .filter { $0.hasSuffix(".json") && $0 != "config.json" }
                .sorted()
        } catch {
            throw ToolFailure.usage("cannot read '\(folderPath)': \(describe(error))")
        }
        guard !names.isEmpty else {
            throw ToolFailure.usage("'\(folderPath)' holds no request files")
        }
        var rows: [CheckRow] = []
        for name in names {
            let file = try readRequestFile(folder.appending(path: name).path(percentEncoded: false))
            let request = file.request
            var settings = try config.settings(
                for: vendor,
                resolvingPathsIn: [folder, vendorDirectory],
                overrides: file
            )
            settings.now = file.now
            let receiver = try settings.receiver(for: vendor, request: request)
            let outcome: CheckRow.Outcome
            do {
                let webhook = try await receiver.verify(request, from: vendor, eventName: file.eventName)
                outcome = .verified(event: webhook.eventName ?? webhook.event.eventName)
            } catch {
                outcome = .rejected(code: error.code.rawValue, reason: error.reason)
            }
            rows.append(CheckRow(vendor: vendor, file: prefix + name, expectation: file.expectation, outcome: outcome))
        }
        return rows
    }

    private func printTable(_ rows: [CheckRow]) {
        let header = ["vendor", "file", "expected", "got", "event", "result"]
        let table = [header] + rows.map { $0.columns }
        var widths = header.map(\.count)
        for row in table {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        for row in table {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
        for row in rows where !row.passed {
            if case .rejected(let code, let reason) = row.outcome {
                print("FAIL \(row.vendor.rawValue)/\(row.file): \(code): \(reason)")
            } else {
                let expected =
                    switch row.expectation {
                    case .verified(let event)?: "verified" + (event.map { " \($0)" } ?? "")
                    case .rejected?: "rejected"
                    case nil: "an expect member"
                    }
                print(
                    "FAIL \(row.vendor.rawValue)/\(row.file): got \(row.columns[3]) \(row.columns[4]), expected \(expected)"
                )
            }
        }
    }
}

/// One line of `check`'s table.
struct CheckRow {
    enum Outcome {
        case verified(event: String?)
        case rejected(code: String, reason: String)
    }

    var vendor: WebhookVendor
    var file: String
    var expectation: WebhookRequestFile.Expectation?
    var outcome: Outcome

    var passed: Bool {
        switch (expectation, outcome) {
        case (.verified(let expected)?, .verified(let event)):
            return expected == nil || expected == event
        case (.rejected(let expected)?, .rejected(let code, _)):
            return expected == nil || expected?.rawValue == code
        default:
            return false
        }
    }

    var columns: [String] {
        let expected =
            switch expectation {
            case .verified?: "verified"
            case .rejected(let code)?: "rejected" + (code.map { " \($0.rawValue)" } ?? "")
            case nil: "(no expect)"
            }
        let got: String
        let event: String
        switch outcome {
        case .verified(let name):
            got = "verified"
            event = name ?? "-"
        case .rejected(let code, _):
            got = "rejected \(code)"
            event = "-"
        }
        return [vendor.rawValue, file, expected, got, event, passed ? "OK" : "FAIL"]
    }
}
