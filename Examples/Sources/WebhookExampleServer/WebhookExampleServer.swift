import Foundation
import Hummingbird
import Logging
import WebhookExampleSupport
import WebhookKit
import WebhookKitHummingbird

/// Receives webhooks of all four vendors on 127.0.0.1 with Hummingbird and logs the typed events.
///
///     swift run --package-path Examples WebhookExampleServer [--port 8080] [--self-test]
///     WebhookExampleServer --load-test [--port 0]
///     WebhookExampleServer --load-test-corpus FILE [--deliveries 2000] [--lanes 2] [--token-lifetime 600]
///
/// `--self-test` starts the server on a free loopback port, sends one signed request per vendor (and a tampered
/// one) to it, prints the answers and exits: 0 when all were as expected.
///
/// `--load-test` and `--load-test-corpus` are for `Scripts/load-test.sh`: the first runs the load-test routes
/// (`buildLoadTestRouter`: a counting handler and `GET /load-test/stats`) on 127.0.0.1, on a free port unless
/// `--port` says otherwise, and prints `listening on 127.0.0.1:<port>`; the second writes the requests wrk sends
/// (`LoadTestCorpus`) and exits.
@main
struct WebhookExampleServer {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        func value(after flag: String) -> String? {
            guard let index = arguments.firstIndex(of: flag), arguments.index(after: index) < arguments.endIndex else {
                return nil
            }
            return arguments[arguments.index(after: index)]
        }
        let selfTest = arguments.contains("--self-test")
        let loadTest = arguments.contains("--load-test")
        var port = loadTest ? 0 : 8080
        if let number = value(after: "--port").flatMap({ Int($0) }) {
            port = number
        }
        if selfTest { port = 0 }
        let configuration = ExampleConfiguration(environment: ProcessInfo.processInfo.environment)
        if let path = value(after: "--load-test-corpus") {
            let corpus = try await LoadTestCorpus(
                configuration: configuration,
                deliveries: value(after: "--deliveries").flatMap { Int($0) } ?? 2000,
                lanes: value(after: "--lanes").flatMap { Int($0) } ?? 2,
                tokenLifetime: value(after: "--token-lifetime").flatMap { Double($0) } ?? 600
            )
            try Data(corpus.serialized()).write(to: URL(fileURLWithPath: path))
            let counts = LoadTestCorpus.Kind.allCases.map { kind in
                "\(corpus.entries.count { $0.kind == kind }) \(kind.rawValue)"
            }
            let sends = corpus.lanes.map(\.count).reduce(0, +)
            print("wrote \(path): \(counts.joined(separator: ", ")); \(sends) requests a pass")
            return
        }
        if loadTest {
            try await runLoadTestServer(port: port, configuration: configuration)
            return
        }
        var logger = Logger(label: "WebhookExampleServer")
        logger.logLevel = .info
        if configuration.usesTestKeys {
            logger.warning("using WebhookTesting's test keys for some vendors: set the secrets in the environment")
        }
        let verifiers = try configuration.makeVerifiers()

        // snippet.hummingbird-application
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: buildRouter(verifiers: verifiers),
            configuration: .init(address: .hostname("127.0.0.1", port: port)),  // loopback only
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        // snippet.end
        guard selfTest else {
            try await app.runService()
            return
        }
        // Bounded in time: the process exits when the requests are answered, or after 60 seconds.
        Task {
            try await Task.sleep(for: .seconds(60))
            print("self-test timed out")
            exit(1)
        }
        Task {
            var ports = portStream.makeAsyncIterator()
            guard let boundPort = await ports.next() else { exit(1) }
            print("listening on 127.0.0.1:\(boundPort)")
            let passed = await SelfTest.run(port: boundPort, signer: configuration.signer)
            exit(passed ? 0 : 1)
        }
        try await app.run()
    }
}
