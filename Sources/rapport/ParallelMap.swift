import Dispatch

/// Maps over items on all cores, keeping the input order in the result.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], serial: Bool = false, _ transform: @Sendable (T) -> U) -> [U] {
        if serial { return items.map(transform) }
        let box = ResultBox<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values()
    }
}

/// Slots written once each from concurrent iterations, read after all have finished.
final class ResultBox<U>: @unchecked Sendable {
    private var slots: [U?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: U) { slots.withUnsafeMutableBufferPointer { $0[index] = value } }
    func values() -> [U] { slots.map { $0! } }
}
