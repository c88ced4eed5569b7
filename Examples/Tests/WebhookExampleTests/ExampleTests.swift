import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Vapor
import VaporTesting
import WebhookExampleServer
import WebhookExampleSupport
import WebhookExampleVapor
import WebhookKit
import WebhookTesting

// snippet.testing-hummingbird
@Suite("Hummingbird example")
struct HummingbirdExampleTests {
    @Test func aSignedRServiceRequestReachesTheHandler() async throws {
        // Test keys for every vendor, and verifiers that accept exactly what they sign.
        let signer = WebhookTestSigner()
        let app = Hummingbird.Application(router: buildRouter(verifiers: try ExampleVerifiers(signer: signer)))
        let request = try signer.signSample(.rService, event: "request.create")
        try await app.test(.router) { client in
            var headers = HTTPFields()
            for field in request.headers {
                headers.append(HTTPField(name: HTTPField.Name(field.name)!, value: field.value))
            }
            let response = try await client.execute(
                uri: request.target,
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: request.body)
            )
            #expect(response.status == .ok)
            // One byte changed: not authentic.
            let forged = try await client.execute(
                uri: request.target,
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: request.tampered().body)
            )
            #expect(forged.status == .unauthorized)
        }
    }
}
// snippet.end

// snippet.testing-vapor
@Suite("Vapor example")
struct VaporExampleTests {
    @Test func everyVendorsSampleReachesItsRoute() async throws {
        let signer = WebhookTestSigner()
        try await withApp(configure: { app in
            registerWebhookRoutes(app, verifiers: try ExampleVerifiers(signer: signer))
        }) { app in
            for (vendor, event) in [
                (WebhookVendor.hipChat, "room_enter"), (.confluence, "blog_created"),
                (.rService, "problem.create"), (.apiTree, "release.released"),
            ] {
                let request = try signer.signSample(vendor, event: event)
                var headers = HTTPHeaders()
                for field in request.headers { headers.add(name: field.name, value: field.value) }
                let path = request.target.hasPrefix("http") ? String(request.path) : request.target
                try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(bytes: request.body)) {
                    response in
                    #expect(response.status == .ok, "\(vendor) \(event)")
                }
            }
        }
    }

    @Test func anExpiredHipChatTokenGets401() async throws {
        let signer = WebhookTestSigner()
        try await withApp(configure: { app in
            registerWebhookRoutes(app, verifiers: try ExampleVerifiers(signer: signer))
        }) { app in
            let request = try signer.signSample(.hipChat, event: "room_message", options: .expired)
            var headers = HTTPHeaders()
            for field in request.headers { headers.add(name: field.name, value: field.value) }
            try await app.testing().test(.POST, request.target, headers: headers, body: ByteBuffer(bytes: request.body))
            {
                response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string == "unauthorized")
            }
        }
    }
}
// snippet.end

@Suite("Single-vendor Hummingbird example")
struct SingleVendorExampleTests {
    @Test func aConfluenceRouteGetsConfluenceEvents() async throws {
        let signer = WebhookTestSigner()
        let app = Hummingbird.Application(router: buildConfluenceRouter(verifier: try signer.confluenceVerifier()))
        let request = try signer.signSample(.confluence, event: "page_created")
        try await app.test(.router) { client in
            var headers = HTTPFields()
            for field in request.headers {
                headers.append(HTTPField(name: HTTPField.Name(field.name)!, value: field.value))
            }
            let response = try await client.execute(
                uri: request.target,
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: request.body)
            )
            #expect(response.status == .noContent)
            let forged = try await client.execute(
                uri: request.target,
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: request.tampered().body)
            )
            #expect(forged.status == .unauthorized)
        }
    }
}

@Suite("Example configuration")
struct ExampleConfigurationTests {
    @Test func theConfiguredReceiverAcceptsTheConfiguredSigner() async throws {
        let configuration = ExampleConfiguration(environment: ["APITREE_WEBHOOK_URL": "https://hooks.example/apitree"])
        #expect(configuration.usesTestKeys)
        let receiver = try configuration.makeVerifiers().receiver
        for vendor in WebhookVendor.supported {
            let event = WebhookSamples.eventNames(for: vendor)[0]
            let request = try configuration.signer.signSample(vendor, event: event)
            let verified = try await receiver.verify(request, from: vendor)
            #expect(verified.eventName == event)
        }
        let withSecrets = ExampleConfiguration(environment: [
            "HIPCHAT_OAUTH_SECRET": "a", "CONFLUENCE_WEBHOOK_SECRET": "b", "RSERVICE_POLICY_SECRET": "c",
            "APITREE_WEBHOOK_SECRET": "d",
        ])
        #expect(!withSecrets.usesTestKeys)
    }
}
