import Foundation

/// The clock this package uses when none is injected.
public enum WebhookClock {
    /// The system clock as UNIX seconds.
    public static func now() -> Double {
        Date().timeIntervalSince1970
    }
}
