// The umbrella re-exports the modules a server names types from, so `import WebhookKit` is the only import a
// server needs. Each of them declares as `public` only what a user names (verifiers, events, secrets and keys,
// the request, the error, the middleware options and the ledger); the plumbing between the package's modules
// (encodings, digests, HMAC and JWT internals, the JSON reader, query parsing) is `package` and not visible here.
// README's "Products" section lists what each product is for.
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
@_exported public import WebhookValues
