/// A reliability data matrix, units × coders, each cell the value one coder gave one unit or
/// nil when that coder did not code it; the common input of every agreement coefficient here.
///
/// Values are kept as text labels exactly as given (category names such as `empathy`, or numbers such
/// as `3`). Nominal statistics compare labels verbatim; ordinal, interval and ratio statistics read
/// each label as a number (see ``isNumeric``).
public struct ReliabilityData: Hashable, Sendable {
    /// One coded unit (a segment, an utterance, a case) with one optional value per coder.
    public struct Unit: Hashable, Sendable {
        /// The unit's identifier, as it appears in the source table.
        public var id: String
        /// One entry per coder, in the order of ``ReliabilityData/coders``; nil means not coded.
        public var values: [String?]

        /// Creates a unit from its identifier and one optional label per coder.
        public init(id: String, values: [String?]) {
            self.id = id
            self.values = values
        }

        /// Creates a unit from its identifier and one optional number per coder.
        public init(id: String, numbers: [Double?]) {
            self.init(id: id, values: numbers.map { $0.map { String($0) } })
        }
    }

    /// Coder names, one per column.
    public let coders: [String]
    /// The coded units, one per row.
    public let units: [Unit]

    /// Creates a matrix from coder names and units; throws if a unit does not have exactly one
    /// value per coder, since a misaligned row would silently pair the wrong coders.
    public init(coders: [String], units: [Unit]) throws(ReliabilityDataError) {
        for unit in units where unit.values.count != coders.count {
            throw .rowWidth(unit: unit.id, expected: coders.count, found: unit.values.count)
        }
        self.init(validatedCoders: coders, units: units)
    }

    /// Creates a matrix whose rows the caller has already checked against the coders.
    init(validatedCoders coders: [String], units: [Unit]) {
        self.coders = coders
        self.units = units
    }

    /// Creates a numeric matrix from rows of a unit id and one optional number per coder.
    public init(coders: [String], rows: [(unit: String, values: [Double?])]) throws(ReliabilityDataError) {
        try self.init(coders: coders, units: rows.map { Unit(id: $0.unit, numbers: $0.values) })
    }

    /// Creates a matrix from rows of a unit id and one optional label per coder.
    public init(coders: [String], rows: [(unit: String, values: [String?])]) throws(ReliabilityDataError) {
        try self.init(coders: coders, units: rows.map { Unit(id: $0.unit, values: $0.values) })
    }

    /// The column of values the coder at `index` gave, one per unit (nil where not coded);
    /// the input for two-coder statistics such as ``Cohen/kappa(_:_:)``.
    public func values(ofCoder index: Int) -> [String?] {
        guard coders.indices.contains(index) else { return [] }
        return units.map { $0.values[index] }
    }

    /// The column of values the coder named `name` gave, or nil if there is no such coder.
    public func values(ofCoder name: String) -> [String?]? {
        coders.firstIndex(of: name).map { values(ofCoder: $0) }
    }

    /// Whether every present value reads as a finite number, as ordinal, interval and ratio levels require.
    public var isNumeric: Bool {
        units.allSatisfy { unit in unit.values.allSatisfy { $0.map { Self.number($0) != nil } ?? true } }
    }

    /// The finite number a label denotes, or nil; the single place labels become numbers.
    static func number(_ label: String) -> Double? {
        guard let value = Double(label), value.isFinite else { return nil }
        return value
    }
}

/// Why a ``ReliabilityData`` matrix could not be built from the given rows.
public enum ReliabilityDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A unit has a different number of values than there are coders.
    case rowWidth(unit: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .rowWidth(unit, expected, found):
            "unit '\(unit)' has \(found) value(s) but there are \(expected) coder(s)"
        }
    }
}
