/// Reads and checks a cue time, `00:01:02.500` (WebVTT, hours optional) or `00:01:02,500`
/// (SubRip), as milliseconds, and writes one back as a transcript timestamp.
enum SubtitleTime {
    /// Why a time could not be read, and the 0-based byte offset in the token where it went wrong.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The time in `token`, in milliseconds. Minutes and seconds must be two digits up to 59;
    /// the fraction, after `.` or `,`, has one to three digits and may be left out.
    static func milliseconds(_ token: ArraySlice<UInt8>) throws(Failure) -> Int {
        let bytes = Array(token)
        let shown = String(decoding: bytes, as: UTF8.self)
        let expected = "malformed time '\(shown)': expected hh:mm:ss.ttt or mm:ss.ttt"
        var groups: [(value: Int, start: Int, length: Int)] = []
        var i = 0
        while true {
            let start = i
            while i < bytes.count, Bytes.isDigit(bytes[i]), i - start < 9 { i += 1 }
            guard i > start else { throw Failure(offset: i, message: expected) }
            let value = Int(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
            groups.append((value, start, i - start))
            guard i < bytes.count, bytes[i] == 58 else { break }
            i += 1
        }
        guard groups.count == 2 || groups.count == 3 else { throw Failure(offset: 0, message: expected) }
        let minutes = groups[groups.count - 2], seconds = groups[groups.count - 1]
        for (group, name) in [(minutes, "minutes"), (seconds, "seconds")] {
            guard group.length == 2 else {
                throw Failure(offset: group.start, message: "malformed time '\(shown)': \(name) must have two digits")
            }
            guard group.value <= 59 else {
                throw Failure(offset: group.start, message: "malformed time '\(shown)': \(name) must be 00-59, not \(group.value)")
            }
        }
        var fraction = 0
        if i < bytes.count, bytes[i] == 46 || bytes[i] == 44 {
            i += 1
            let start = i
            while i < bytes.count, Bytes.isDigit(bytes[i]) { i += 1 }
            guard i - start >= 1, i - start <= 3 else {
                throw Failure(offset: start, message: "malformed time '\(shown)': expected one to three digits of milliseconds")
            }
            fraction = Int(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
            for _ in (i - start)..<3 { fraction *= 10 }
        }
        guard i == bytes.count else { throw Failure(offset: i, message: expected) }
        let hours = groups.count == 3 ? groups[0].value : 0
        return ((hours * 60 + minutes.value) * 60 + seconds.value) * 1000 + fraction
    }

    /// `hh:mm:ss`, with `.ttt` when the milliseconds are not zero; nil past 99 hours, which the
    /// plain-text timestamp convention cannot write.
    static func timestamp(_ milliseconds: Int) -> String? {
        let seconds = milliseconds / 1000, fraction = milliseconds % 1000
        let hours = seconds / 3600
        guard hours <= 99 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(two(hours)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if fraction != 0 {
            text += "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + "\(fraction)"
        }
        return text
    }
}
