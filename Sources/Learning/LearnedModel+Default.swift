import Foundation
import Transcripts

extension LearnedModel {
    /// The model trained for the shipped relationship codebook (a package resource), or nil when
    /// the resource is not installed next to the binary. A present but broken file is an error.
    public static func defaultModel() throws(Diagnostic) -> LearnedModel? {
        guard let path = resourcePath("relationship.model") else { return nil }
        return try LearnedModel(contentsOf: path)
    }

    /// Where a resource of the Learning module lies (`name` relative to its bundle), looked up where
    /// SwiftPM puts resource bundles (beside the executable), without `Bundle.module`'s trap when
    /// the bundle is missing.
    static func resourcePath(_ name: String) -> String? {
        let bundleName = "Rapport_Learning.resources"
        var directories = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.deletingLastPathComponent() {
            directories += [executable, executable.deletingLastPathComponent()]
        }
        for directory in directories {
            let path = directory.appendingPathComponent(bundleName).appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
