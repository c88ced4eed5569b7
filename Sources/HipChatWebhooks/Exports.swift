// A program that depends on this vendor's product alone names the shared vocabulary its verifier and events use
// (`WebhookRequest`, `WebhookError`, `WebhookSecret`, `WebhookPublicKey`, `FlexibleID`, ...): those modules are not
// products of their own, so this module re-exports them. Only their public declarations come along; the
// package-internal plumbing stays hidden.
@_exported public import WebhookCore
@_exported public import WebhookCrypto
@_exported public import WebhookValues
