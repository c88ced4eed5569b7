import WebhookFixtureSupport

/// The files under `Fixtures/hipchat/`.
let fixtures = FixtureFolder(vendor: "hipchat")
