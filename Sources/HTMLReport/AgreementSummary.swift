import Foundation
import Reports

/// Inter-coder agreement per code, read back from `rapport agree --format json` for the HTML report.
public struct AgreementSummary: Sendable, Equatable {
    /// Cohen's κ for one pair of coders.
    public struct Pair: Sendable, Equatable {
        public var first: String
        public var second: String
        public var kappa: Double?

        public init(first: String, second: String, kappa: Double?) {
            self.first = first
            self.second = second
            self.kappa = kappa
        }
    }

    /// The figures for one code (or `overall`).
    public struct Figures: Sendable, Equatable {
        public var code: String
        public var units: Int
        public var percentAgreement: Double?
        public var fleissKappa: Double?
        public var alpha: Double?
        public var interval: (lower: Double, upper: Double)?
        public var cohen: [Pair]
        public var disagreeingUnits: Int?

        /// Krippendorff's verdict, worked out from α again rather than trusted from the file.
        public var verdict: Reliability { Reliability(alpha: alpha, lowerLimit: interval?.lower) }

        public init(code: String, units: Int, percentAgreement: Double?, fleissKappa: Double?, alpha: Double?,
                    interval: (lower: Double, upper: Double)?, cohen: [Pair], disagreeingUnits: Int?) {
            self.code = code
            self.units = units
            self.percentAgreement = percentAgreement
            self.fleissKappa = fleissKappa
            self.alpha = alpha
            self.interval = interval
            self.cohen = cohen
            self.disagreeingUnits = disagreeingUnits
        }

        public static func == (a: Figures, b: Figures) -> Bool {
            a.code == b.code && a.units == b.units && a.percentAgreement == b.percentAgreement
                && a.fleissKappa == b.fleissKappa && a.alpha == b.alpha && a.interval?.lower == b.interval?.lower
                && a.interval?.upper == b.interval?.upper && a.cohen == b.cohen && a.disagreeingUnits == b.disagreeingUnits
        }
    }

    /// Why an agreement file could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    public var coders: [String]
    public var codes: [Figures]

    public init(coders: [String], codes: [Figures]) {
        self.coders = coders
        self.codes = codes
    }

    /// Reads the JSON `rapport agree --format json` writes.
    public init(json bytes: [UInt8]) throws(ReadError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(message: "missing \"\(key.stringValue)\"\(Self.place(context.codingPath)); expected the output of 'rapport agree --format json'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ReadError(message: "unexpected value\(Self.place(context.codingPath)); expected the output of 'rapport agree --format json'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ReadError(message: "missing value\(Self.place(context.codingPath)); expected the output of 'rapport agree --format json'")
        } catch {
            throw ReadError(message: "not valid JSON; expected the output of 'rapport agree --format json'")
        }
        coders = file.coders
        codes = file.codes.map { c in
            let interval: (Double, Double)? = c.alpha_ci95.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
            return Figures(code: c.code, units: c.units, percentAgreement: c.percent_agreement, fleissKappa: c.fleiss_kappa,
                           alpha: c.alpha, interval: interval,
                           cohen: (c.cohen_kappa ?? []).map { Pair(first: $0.first, second: $0.second, kappa: $0.kappa) },
                           disagreeingUnits: c.disagreeing_units)
        }
    }

    static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        return " at " + path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }

    // The file's shape; field names as `AgreementOutput` writes them.
    private struct File: Decodable {
        var coders: [String]
        var codes: [Code]
    }

    private struct Code: Decodable {
        var code: String
        var units: Int
        var percent_agreement: Double?
        var fleiss_kappa: Double?
        var alpha: Double?
        var alpha_ci95: [Double]?
        var cohen_kappa: [PairJSON]?
        var disagreeing_units: Int?
    }

    private struct PairJSON: Decodable {
        var first: String
        var second: String
        var kappa: Double?
    }
}
