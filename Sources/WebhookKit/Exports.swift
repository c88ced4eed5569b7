// The umbrella re-exports every library target, so `import WebhookKit` is the only import a server needs.
//
// `@_exported` is the one way Swift has to re-export a module; server packages (Vapor, for example) use it the
// same way. Importing a vendor target on its own (`import HipChatWebhooks`) still works for code that needs one
// vendor only.
@_exported public import ApiTreeWebhooks
@_exported public import ConfluenceWebhooks
@_exported public import HipChatWebhooks
@_exported public import RServiceWebhooks
@_exported public import WebhookCore
@_exported public import WebhookCrypto
@_exported public import WebhookRegistry
