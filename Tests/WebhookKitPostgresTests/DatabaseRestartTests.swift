#if PostgreSQL
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import WebhookCore
import Testing
import WebhookKitPostgres
import Synchronization

/// A TCP forwarder on 127.0.0.1 in front of the test database, that the test can take down and bring back on the
/// same port: the database "stops" for the ledger behind it, while the server itself keeps running for the
/// other tests.
final class LoopbackForwarder: Sendable {
    private let targetHost: String
    private let targetPort: Int
    private let channels = LockedValue<(server: (any Channel)?, connections: [any Channel])>((nil, []))

    init(targetHost: String, targetPort: Int) {
        self.targetHost = targetHost
        self.targetPort = targetPort
    }

    /// Forwards one direction of a connection to its peer (once the peer is connected), and closes the peer when
    /// this side closes.
    private final class Forward: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        let peer: EventLoopFuture<any Channel>

        init(peer: EventLoopFuture<any Channel>) {
            self.peer = peer
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            peer.whenSuccess { $0.writeAndFlush(buffer, promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            peer.whenSuccess { $0.close(promise: nil) }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }

    /// Starts listening on `port` (0: any free port) and returns the port.
    func start(port: Int = 0) async throws -> Int {
        let host = targetHost
        let targetPort = targetPort
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] inbound in
                let outbound = ClientBootstrap(group: inbound.eventLoop)
                    .channelInitializer { outbound in
                        outbound.eventLoop.makeCompletedFuture {
                            let back: EventLoopFuture<any Channel> = inbound.eventLoop.makeSucceededFuture(inbound)
                            try outbound.pipeline.syncOperations.addHandler(Forward(peer: back))
                        }
                    }
                    .connect(host: host, port: targetPort)
                outbound.whenSuccess { connected in self.channels.withLock { $0.connections.append(connected) } }
                outbound.whenFailure { _ in inbound.close(promise: nil) }
                self.channels.withLock { $0.connections.append(inbound) }
                return inbound.eventLoop.makeCompletedFuture {
                    try inbound.pipeline.syncOperations.addHandler(Forward(peer: outbound))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        channels.withLock { $0.server = server }
        return server.localAddress?.port ?? port
    }

    /// Stops listening and cuts every forwarded connection.
    func stop() async {
        let (server, connections) = channels.withLock { state in
            defer { state = (nil, []) }
            return (state.server, state.connections)
        }
        try? await server?.close()
        for connection in connections {
            try? await connection.close()
        }
    }
}

@Suite(
    "PostgreSQL delivery ledger: the database goes down and comes back",
    .enabled(if: TestDatabase.url != nil, TestDatabase.missingMessage)
)
struct DatabaseRestartTests {
    @Test(
        "fail-closed answers 503 and marks nothing while the database is down; after the restart the retry is processed"
    )
    func databaseStopsMidTest() async throws {
        let url = try #require(TestDatabase.url)
        let direct = try TestDatabase.configuration(url)
        let forwarder = LoopbackForwarder(targetHost: direct.host ?? "127.0.0.1", targetPort: direct.port ?? 5432)
        let port = try await forwarder.start()
        var viaForwarder = PostgresClient.Configuration(
            host: "127.0.0.1",
            port: port,
            username: direct.username,
            password: direct.password,
            database: direct.database,
            tls: .disable
        )
        viaForwarder.options.maximumConnections = 2
        let forwarded = viaForwarder
        let recorder = Recorder()
        try await withLedgers { ledgers in
            let table = ledgers[0].tableName
            try await withClients([forwarded]) { clients in
                let ledger = try PostgresDeliveryLedger(
                    client: clients[0],
                    tableName: table,
                    operationTimeout: .seconds(3)
                )
                let handler: @Sendable (VerifiedWebhook<String>) async throws -> Int = { _ in
                    recorder.calls.add(1, ordering: .relaxed)
                    return 200
                }
                let first = WebhookEndpoint(
                    verifier: FixedKeyVerifier(key: "test:before"),
                    options: WebhookMiddlewareOptions(ledger: ledger)
                )
                let before = try await first.run(request, log: recorder.log, handler: handler, status: { $0 })
                guard case .handled(200) = before else {
                    Issue.record(
                        "a delivery while the database is up is processed: \(before), \(recorder.lines.withLock { $0.map(\.message) })"
                    )
                    return
                }

                // The database goes away in the middle of the test.
                await forwarder.stop()
                let endpoint = WebhookEndpoint(
                    verifier: FixedKeyVerifier(key: "test:during"),
                    options: WebhookMiddlewareOptions(ledger: ledger, retryAfter: .seconds(5))
                )
                let refused = try await endpoint.run(request, log: recorder.log, handler: handler, status: { $0 })
                guard case .answered(let answer) = refused else {
                    Issue.record("the handler ran while the ledger was down")
                    return
                }
                #expect(answer.status == 503)
                #expect(answer.retryAfterSeconds == 5)
                #expect(recorder.calls.load(ordering: .relaxed) == 1)
                #expect(recorder.warnings.count == 1)
                // Nothing was marked: the key is free (checked on the direct connection, then given back).
                let probe = try await ledgers[0].claim("test:during", claimTimeout: .seconds(60))
                let held = try #require(probe.heldClaim, "the key was marked while the database was down")
                try await ledgers[0].release(held)

                // The database comes back on the same address: the vendor's retry is processed, once.
                _ = try await forwarder.start(port: port)
                var outcome: WebhookEndpointResult<Int>? = nil
                for _ in 0..<40 {
                    let result = try await endpoint.run(request, log: recorder.log, handler: handler, status: { $0 })
                    if case .handled = result {
                        outcome = result
                        break
                    }
                    try await Task.sleep(for: .milliseconds(500))
                }
                guard case .handled(200) = outcome else {
                    Issue.record("the retry after the restart is processed")
                    return
                }
                #expect(recorder.calls.load(ordering: .relaxed) == 2)
                #expect(try await ledgers[0].claim("test:during", claimTimeout: .seconds(60)) == .completed)
            }
        }
        await forwarder.stop()
    }
}
#endif
