import Foundation

/// Maps over an array on all cores, keeping the input order.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
                items.withUnsafeBufferPointer { input in
                    let work = Work(input: input, output: buffer.baseAddress!, transform: transform)
                    DispatchQueue.concurrentPerform(iterations: input.count) { i in work.run(i) }
                }
                initialized = items.count
            }
        }
    }

    /// The input, the output buffer and the transform, shared by the workers; each worker
    /// reads and writes only its own index, and `transform` is pure by contract.
    private final class Work<T, R>: @unchecked Sendable {
        let input: UnsafeBufferPointer<T>
        let output: UnsafeMutablePointer<R>
        let transform: (T) -> R

        init(input: UnsafeBufferPointer<T>, output: UnsafeMutablePointer<R>, transform: @escaping (T) -> R) {
            self.input = input
            self.output = output
            self.transform = transform
        }

        func run(_ i: Int) { (output + i).initialize(to: transform(input[i])) }
    }
}
