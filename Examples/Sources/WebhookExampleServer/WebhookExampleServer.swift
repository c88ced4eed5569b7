import Foundation
import Hummingbird
import Logging
import WebhookExampleSupport
import WebhookKit
import WebhookKitHummingbird

/// Receives webhooks of all four vendors on 127.0.0.1 with Hummingbird and logs the typed events.
///
///     swift run --package-path Examples WebhookExampleServer [--port 8080] [--self-test]
///
/// `--self-test` starts the server on a free loopback port, sends one signed request per vendor (and a tampered
/// one) to it, prints the answers and exits: 0 when all were as expected.
@main
struct WebhookExampleServer {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let selfTest = arguments.contains("--self-test")
        var port = 8080
        if let index = arguments.firstIndex(of: "--port"), arguments.index(after: index) < arguments.endIndex,
            let value = Int(arguments[arguments.index(after: index)])
        {
            port = value
        }
        if selfTest { port = 0 }
        let configuration = ExampleConfiguration(environment: ProcessInfo.processInfo.environment)
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
