import Foundation
public import HTTPTypes
public import Hummingbird
import Logging
public import WebhookExampleSupport
import WebhookKit
import WebhookKitHummingbird

/// The routes of the load-test mode (`--load-test`, driven by `Scripts/load-test.sh`): the four vendors' webhook
/// routes behind `WebhookMiddleware` with the library's default options (an in-memory delivery ledger, `400` for
/// an authentic body that does not decode, `200` without the handler for a duplicate), whose one handler counts its
/// runs per delivery key and says so in an `x-load-test-handler-runs` header; `GET /load-test/stats` with the
/// totals; and a middleware that echoes the request's `x-load-test-entry` header, so that wrk's script can tell
/// which request an answer belongs to. The server listens on 127.0.0.1 only, and these routes exist only in this
/// mode.
public func buildLoadTestRouter(verifiers: ExampleVerifiers, stats: LoadTestStats) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: LoadTestEntryEchoMiddleware())
    let options = WebhookMiddlewareOptions()
    let receiver = verifiers.receiver
    for vendor in WebhookVendor.supported {
        router.group(
            RouterPath("webhooks/\(vendor.rawValue)"),
            context: WebhookChildRequestContext<WebhookEvent, BasicRequestContext>.self
        )
        .add(middleware: WebhookMiddleware(receiver.for(vendor), options: options))
        .post { _, context -> Response in
            let runs = stats.recordHandlerRun(deliveryKey: try context.requireWebhook().deliveryKey)
            return Response(status: .ok, headers: [LoadTestHeaders.handlerRuns: String(runs)])
        }
    }
    router.get("load-test/stats") { _, _ in stats.report.text }
    return router
}

/// The load-test headers.
public enum LoadTestHeaders {
    /// Which corpus entry a request is (`LoadTestCorpus.Entry.id`); the server echoes it in the answer.
    public static let entry = HTTPField.Name(LoadTestCorpus.Entry.entryHeader)!
    /// How many times the handler has run for the answered delivery's key, set only when the handler ran.
    public static let handlerRuns = HTTPField.Name("x-load-test-handler-runs")!
}

/// Copies the request's `x-load-test-entry` header into the answer, whoever answered (the webhook middleware or
/// the handler).
struct LoadTestEntryEchoMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if let entry = request.headers[LoadTestHeaders.entry] {
            response.headers[LoadTestHeaders.entry] = entry
        }
        return response
    }
}

/// Runs the load-test server on 127.0.0.1 until the process is stopped, and prints `listening on 127.0.0.1:<port>`
/// once it listens (`port` 0: a free port).
func runLoadTestServer(port: Int, configuration: ExampleConfiguration) async throws {
    // Warnings only: every rejected request would otherwise write an info line, and the load test sends thousands.
    var logger = Logger(label: "WebhookExampleServer")
    logger.logLevel = .warning
    let app = Application(
        router: buildLoadTestRouter(verifiers: try configuration.makeVerifiers(), stats: LoadTestStats()),
        configuration: .init(address: .hostname("127.0.0.1", port: port)),
        onServerRunning: { channel in
            // Written at once (not through print's buffer): the script waits for this line.
            let line = "listening on 127.0.0.1:\(channel.localAddress?.port ?? 0)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        },
        logger: logger
    )
    try await app.runService()
}
