import Testing
import WebhookCore

@Suite("WebhookError categories")
struct WebhookErrorCategoryTests {
    /// Every code's category, written out: a code that an outside sender can trigger is never a configuration
    /// error, and the crypto layer's codes (`invalid_encoding`, ...) have the category the middleware expects.
    @Test(arguments: [
        (WebhookError.Code.missingSignature, WebhookError.Category.authentication),
        (.malformedSignature, .authentication), (.signatureMismatch, .authentication),
        (.malformedToken, .authentication), (.unsupportedAlgorithm, .authentication),
        (.algorithmNotAllowed, .authentication), (.unknownCriticalHeader, .authentication),
        (.expired, .authentication), (.notYetValid, .authentication), (.issuedInFuture, .authentication),
        (.missingClaim, .authentication), (.invalidClaim, .authentication), (.issuerMismatch, .authentication),
        (.audienceMismatch, .authentication), (.subjectMismatch, .authentication), (.unknownKeyID, .authentication),
        (.unknownIssuer, .authentication), (.invalidEncoding, .authentication),
        (.queryHashMismatch, .authentication), (.unsignedDelivery, .authentication),
        (.eventNameMismatch, .authentication), (.issuerKeysUnavailable, .authentication), (.bodyTooLarge, .limit),
        (.tokenTooLarge, .limit),
        (.malformedBody, .decoding), (.invalidPayload, .decoding), (.missingEventName, .decoding),
        (.invalidConfiguration, .configuration), (.invalidKey, .configuration),
        (.internalError, .configuration), (.ledgerUnavailable, .unavailable), (.keyFetchFailed, .unavailable),
    ])
    func everyCodeHasItsCategory(code: WebhookError.Code, category: WebhookError.Category) {
        #expect(WebhookError(code, "x").category == category)
    }

    @Test func attributionKeepsTheCode() {
        let error = WebhookError(.expired, "token expired").attributed(to: .rService)
        #expect(error.code == .expired)
        #expect(error.vendor == .rService)
        #expect(error.isAuthenticationFailure)
    }
}
