import MitraBuild

/// Builds moved above the store (MitraBuild); the store's tests, which build fixture stores
/// with them, name the builder as they always did.
typealias GraphBuilder = MitraBuild.GraphBuilder
