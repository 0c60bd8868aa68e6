import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on stderr while inputs load: files done of all, and throughput in MB/s. Shown only
/// when stderr is a terminal and there are more than a handful of files, so pipes, logs and CI
/// output stay clean. Safe to update from the parallel loading threads.
final class Progress: @unchecked Sendable {
    /// Below this many files loading is too quick for a bar to help.
    static let threshold = 8

    private let lock = NSLock()
    private let total: Int
    private let started: Date
    private var done = 0
    private var bytes = 0
    private var lastDrawn: Date?

    private init(total: Int) {
        self.total = total
        self.started = Date()
    }

    /// A bar for loading `files`, or nil when none should be shown (few files, stderr not a
    /// terminal, or `enabled` false).
    static func start(files: Int, enabled: Bool = true) -> Progress? {
        guard enabled, files > threshold, isatty(2) == 1 else { return nil }
        return Progress(total: files)
    }

    /// Counts one more file read (its size taken from the file system) and redraws, at most ten
    /// times a second.
    func advance(path: String) {
        var size = 0
        var info = stat()
        if stat(path, &info) == 0 { size = Int(info.st_size) }
        advance(bytes: size)
    }

    /// Counts one more file of `size` bytes (one read, or one written) and redraws.
    func advance(bytes size: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        bytes += size
        let now = Date()
        if done < total, let last = lastDrawn, now.timeIntervalSince(last) < 0.1 { return }
        lastDrawn = now
        write("\r" + Self.line(done: done, total: total, bytes: bytes, seconds: now.timeIntervalSince(started), width: Self.columns()) + "\u{1B}[K")
    }

    /// Clears the bar so what follows starts on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        write("\r\u{1B}[K")
    }

    /// `[#######-------]  9/14 files  3.2 MB/s`, fitted into `width` columns.
    static func line(done: Int, total: Int, bytes: Int, seconds: Double, width: Int) -> String {
        let count = "\(done)/\(total) files"
        let rate = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        let speed = rate >= 10 ? String(Int(rate.rounded())) : String(Double(Int(rate * 10)) / 10)
        let tail = "  \(count)  \(speed) MB/s"
        let barWidth = max(10, min(40, width - tail.count - 3))
        let filled = total == 0 ? barWidth : barWidth * min(done, total) / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]" + tail
    }

    /// The terminal's width, 80 when unknown.
    static func columns() -> Int {
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(2, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
