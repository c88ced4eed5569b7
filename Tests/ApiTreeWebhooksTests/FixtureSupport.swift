import WebhookFixtureSupport

/// The files under `Fixtures/apitree/`.
let fixtures = FixtureFolder(vendor: "apitree")
