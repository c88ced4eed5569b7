import Foundation
import Vapor
import WebhookExampleSupport
import WebhookKit

/// Receives webhooks of all four vendors on 127.0.0.1 with Vapor and logs the typed events.
///
///     swift run --package-path Examples WebhookExampleVapor [--port 8081] [--self-test]
@main
struct WebhookExampleVapor {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let selfTest = arguments.contains("--self-test")
        var port = 8081
        if let index = arguments.firstIndex(of: "--port"), arguments.index(after: index) < arguments.endIndex,
            let value = Int(arguments[arguments.index(after: index)])
        {
            port = value
        }
        let configuration = ExampleConfiguration(environment: ProcessInfo.processInfo.environment)
        let app = try await Application.make(.development)
        app.logger.logLevel = .info
        app.http.server.configuration.hostname = "127.0.0.1"  // loopback only
        app.http.server.configuration.port = selfTest ? 0 : port
        if configuration.usesTestKeys {
            app.logger.warning("using WebhookTesting's test keys for some vendors: set the secrets in the environment")
        }
        let verifiers = try configuration.makeVerifiers()
        registerWebhookRoutes(app, verifiers: verifiers)
        registerWebhookGroup(app, verifiers: verifiers)
        guard selfTest else {
            try await app.execute()
            try await app.asyncShutdown()
            return
        }
        // Bounded in time: the process exits when the requests are answered, or after 60 seconds.
        Task {
            try await Task.sleep(for: .seconds(60))
            print("self-test timed out")
            exit(1)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let boundPort = app.http.server.shared.localAddress?.port ?? 0
        print("listening on 127.0.0.1:\(boundPort)")
        let passed = await SelfTest.run(port: boundPort, signer: configuration.signer)
        await app.server.shutdown()
        try await app.asyncShutdown()
        exit(passed ? 0 : 1)
    }
}
