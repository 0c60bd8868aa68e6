/// K folds over `count` rows in a seeded order: each fold's rows are scored by a model trained
/// on the others, so no row helps set what it is scored with.
struct Folds: Sequence {
    struct Fold {
        var train: [Int]
        var test: [Int]
    }

    let count: Int
    let k: Int
    let seed: UInt64

    func makeIterator() -> IndexingIterator<[Fold]> {
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(count)
        var fold = [Int](repeating: 0, count: count)
        for (position, row) in order.enumerated() { fold[row] = position % k }
        return (0..<k).map { f in
            Fold(train: (0..<count).filter { fold[$0] != f }, test: (0..<count).filter { fold[$0] == f })
        }.makeIterator()
    }
}
