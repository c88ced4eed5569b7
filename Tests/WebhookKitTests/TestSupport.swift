import Foundation
import Testing

/// The package root: three levels up from this file (`Tests/WebhookKitTests/TestSupport.swift`).
let packageRoot = URL(filePath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `Fixtures/` folder.
let fixturesRoot = packageRoot.appending(path: "Fixtures", directoryHint: .isDirectory)

/// The `.json` file names in a folder, sorted; empty when the folder does not exist.
func jsonFiles(in directory: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
}

/// The event name a fixture file stands for: its name up to `--` or `.json`.
func eventName(ofFixture name: String) -> String {
    let stem = String(name.dropLast(".json".count))
    if let range = stem.range(of: "--") {
        return String(stem[..<range.lowerBound])
    }
    return stem
}

/// A temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(
            path: "webhookkit-tests-\(UUID().uuidString)",
            directoryHint: .isDirectory
        )
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: some Sequence<UInt8>) throws -> String {
        let file = url.appending(path: name)
        try Data(bytes).write(to: file)
        return file.path(percentEncoded: false)
    }

    /// The path of a file in the directory (which need not exist).
    func path(_ name: String) -> String {
        url.appending(path: name).path(percentEncoded: false)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs the built `webhookkit` executable as a process.
enum Tool {
    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output's lines, without the empty last one.
        var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }

        /// Standard output's first line, parsed as a JSON object.
        func json() throws -> [String: Any] {
            let line = try #require(lines.first, "no output; stderr: \(stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// Where the executable is: `WEBHOOKKIT_TOOL` if set, else next to the test bundle (the products directory of
    /// whatever scratch path `swift test` used), else `.build/debug/webhookkit` under the package root.
    static let executable: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["WEBHOOKKIT_TOOL"], !path.isEmpty {
            candidates.append(URL(filePath: path))
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appending(path: "webhookkit"))
        candidates.append(bundle.deletingLastPathComponent().appending(path: "webhookkit"))
        if let argument = CommandLine.arguments.first {
            let executable = URL(filePath: argument).standardizedFileURL
            candidates.append(executable.deletingLastPathComponent().appending(path: "webhookkit"))
            // macOS: <products>/WebhookKitPackageTests.xctest/Contents/MacOS/WebhookKitPackageTests
            candidates.append(
                executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appending(path: "webhookkit")
            )
        }
        candidates.append(packageRoot.appending(path: ".build/debug/webhookkit"))
        return candidates.first { candidate in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: candidate.path(percentEncoded: false), isDirectory: &isDirectory)
                && !isDirectory.boolValue && fileManager.isExecutableFile(atPath: candidate.path(percentEncoded: false))
        }
    }()

    /// Runs `webhookkit` with arguments and optional standard input, in the package root.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> Result {
        let executable = try #require(
            executable,
            """
            the webhookkit executable was not found next to the test bundle (\(Bundle.main.bundleURL.path)) \
            nor in .build/debug; run `swift build` first or set WEBHOOKKIT_TOOL
            """
        )
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outPath = directory.path("stdout")
        let errPath = directory.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(filePath: outPath))
        let err = try FileHandle(forWritingTo: URL(filePath: errPath))
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = try directory.write("stdin", stdin)
            process.standardInput = try FileHandle(forReadingFrom: URL(filePath: input))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(filePath: outPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(filePath: errPath)), as: UTF8.self)
        )
    }
}
