import Foundation

/// The clock this package uses when none is injected.
public enum WebhookClock {
    /// The system clock as UNIX seconds.
    public static func now() -> Double {
        Date().timeIntervalSince1970
    }
}

extension Duration {
    /// The duration in seconds, for the UNIX-seconds arithmetic of the time claims.
    package var webhookSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
