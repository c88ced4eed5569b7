#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a `pthread_mutex_t`: the package's one lock.
///
/// Why not `Synchronization.Mutex`: on Linux its contended path hands the lock from one thread to the next through
/// `futex` system calls that the thread sanitizer does not intercept, so the sanitizer sees no ordering between
/// two critical sections and reports races on the guarded state that cannot happen (CI's sanitizer run failed on
/// `InMemoryDeliveryLedger` and `CachingKeyProvider` this way). The sanitizer intercepts `pthread_mutex_lock`, so
/// with this lock every report it makes is about a real access outside a critical section.
package final class LockedValue<State>: @unchecked Sendable {
    // The mutex lives at a fixed address for the whole life of the object, as pthread requires.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var state: State

    /// Creates a lock guarding `state`.
    package init(_ state: State) {
        self.state = state
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed: \(result)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the state, holding the lock; `body` must not call into this lock again.
    package func withLock<Result, Failure: Error>(
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }
}
