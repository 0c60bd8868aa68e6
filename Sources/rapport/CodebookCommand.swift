import ArgumentParser
import Coding
import Reports
import Transcripts

/// `rapport codebook lint|show`: check and read codebooks.
struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Check or show a codebook.",
        subcommands: [Lint.self, Show.self, Cues.self, LanguageLists.self]
    )

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report unknown keys, duplicate ids, cues that can never match and codes without definitions."
        )
        @Argument(help: "Codebook YAML file.") var file: String

        func run() throws {
            let bytes: [UInt8]
            do throws(Diagnostic) { bytes = try TranscriptLoader.readBytes(file) } catch {
                throw ExitStatus.failed(error)
            }
            let problems = Codebook.lint(yaml: String(decoding: bytes, as: UTF8.self), source: file)
            for p in problems { Console.report(p) }
            let errors = problems.filter { $0.severity == .error }.count
            Console.write("\(file): \(errors) errors, \(problems.count - errors) warnings\n")
            if errors > 0 { throw ExitStatus.failure }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the code tree with definitions.")
        @Argument(help: "Codebook YAML file (default: the built-in codebook).") var file: String?

        func run() throws {
            Console.ignoreSigpipe()
            let book = try CodebookOption(codebook: file).load()
            Console.write(CodebookSummary.text(book))
        }
    }

    struct Cues: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every cue as a regular expression, one per line (for rg -i -f, or a script).",
            discussion: "With --with-codes each line is 'code<TAB>expression'. Negation, role and weight rules are not expressible as regular expressions and are left out."
        )
        @Argument(help: "Codebook YAML file (default: the built-in codebook).") var file: String?
        @Flag(help: "Prefix each expression with its code id and a tab.") var withCodes = false

        func run() throws {
            Console.ignoreSigpipe()
            let book = try CodebookOption(codebook: file).load()
            var out = ""
            for (code, expression) in book.cueExpressions {
                out += withCodes ? "\(code)\t\(expression)\n" : expression + "\n"
            }
            Console.write(out)
        }
    }

    struct LanguageLists: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "language",
            abstract: "Print the word lists in effect (negation, questions, speech verbs, role nouns …) as a 'language:' section.",
            discussion: "Without a file, the built-in defaults. Each list is written out in full; in a codebook, a list replaces the default and {add: [...], remove: [...]} edits it (Codebooks/README.md)."
        )
        @Argument(help: "Codebook YAML file (default: the built-in codebook).") var file: String?

        func run() throws {
            Console.ignoreSigpipe()
            Console.write(try CodebookOption(codebook: file).load().language.yaml)
        }
    }
}

extension CodebookOption {
    init(codebook: String?) {
        self.init()
        self.codebook = codebook
    }
}
