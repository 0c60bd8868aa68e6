import Coding
import Transcripts

extension TEIDocumentWriter {
    /// A segment as `<u who start>` or `<p>`: its exact text, notes as TEI elements, annotations
    /// as nested `<seg ana resp>` where possible, the rest as stand-off spans between anchors.
    mutating func segment(_ segment: Segment, annotations: [Annotation], who: String?, start: String?,
                          evidence: inout [EvidenceEntry], out: inout XMLOutput) {
        let scalars = Array(segment.text.unicodeScalars)
        let count = scalars.count
        func relative(_ offset: Int) -> Int { min(max(offset - segment.start, 0), count) }
        let notes = segment.notes
            .map { (note: $0, range: relative($0.start)..<max(relative($0.start), relative($0.end))) }
            .filter { !$0.range.isEmpty && Self.rendersExactly($0.note, scalars: scalars[$0.range]) }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        let ranges = annotations.map { relative($0.start)..<max(relative($0.start), relative($0.end)) }
        let plan = TEIInlinePlan(ranges: ranges, notes: notes.map(\.range))

        // What each annotation points to: its category, then its evidence.
        var ana: [String] = []
        for annotation in annotations {
            var pointers = "#" + (categories[annotation.code] ?? annotation.code)
            if let found = annotation.evidence {
                counters.evidence += 1
                let id = ids.claim("ev\(counters.evidence)")
                evidence.append(EvidenceEntry(id: id, coderID: coderID(annotation.coder), evidence: found))
                pointers += " #" + id
            }
            ana.append(pointers)
        }

        // Anchors for stand-off annotations: between characters, or inside a note's text.
        var anchors: [Int: [String]] = [:]
        var noteAnchors: [Int: [(offset: Int, id: String)]] = [:]
        var spans: [(item: TEIInlinePlan.Item, from: String, to: String)] = []
        func place(_ position: Int, isStart: Bool, id: String) {
            guard let k = notes.firstIndex(where: { $0.range.lowerBound < position && position < $0.range.upperBound }) else {
                anchors[position, default: []].append(id)
                return
            }
            let range = notes[k].range
            if Self.holdsAnchors(notes[k].note, scalars: scalars[range]) {
                noteAnchors[k, default: []].append((position - range.lowerBound - 1, id))
            } else {
                // A pause renders as `(pause)` whatever it said: the nearest edge is the best place.
                anchors[isStart ? range.lowerBound : range.upperBound, default: []].append(id)
            }
        }
        for item in plan.standOff {
            counters.anchor += 1
            let from = ids.claim("a\(counters.anchor)")
            counters.anchor += 1
            let to = ids.claim("a\(counters.anchor)")
            place(item.start, isStart: true, id: from)
            place(item.end, isStart: false, id: to)
            spans.append((item, from, to))
        }

        out.start(segment.kind == .utterance ? "u" : "p")
        if segment.kind == .utterance {
            out.attribute("who", who.map { "#" + $0 })
            out.attribute("start", start.map { "#" + $0 })
        }
        var open: [TEIInlinePlan.Item] = []
        var next = 0
        var position = 0
        while true {
            while let top = open.last, top.end == position {
                out.end()
                open.removeLast()
            }
            for id in anchors[position] ?? [] { anchor(id, out: &out) }
            while next < plan.inline.count, plan.inline[next].start == position {
                let item = plan.inline[next]
                out.start("seg")
                out.attribute("ana", ana[item.index])
                out.attribute("resp", "#" + coderID(annotations[item.index].coder))
                open.append(item)
                next += 1
            }
            if position >= count { break }
            if let k = notes.firstIndex(where: { $0.range.lowerBound == position }) {
                note(notes[k].note, anchors: noteAnchors[k] ?? [], out: &out)
                position = notes[k].range.upperBound
                continue
            }
            var stop = count
            if let note = notes.first(where: { $0.range.lowerBound > position }) { stop = min(stop, note.range.lowerBound) }
            if let top = open.last { stop = min(stop, top.end) }
            if next < plan.inline.count { stop = min(stop, plan.inline[next].start) }
            if let anchor = anchors.keys.filter({ $0 > position }).min() { stop = min(stop, anchor) }
            out.text(String(String.UnicodeScalarView(scalars[position..<stop])))
            position = stop
        }
        while !open.isEmpty {
            out.end()
            open.removeLast()
        }
        var groups: [String] = []
        for span in spans where !groups.contains(annotations[span.item.index].coder) {
            groups.append(annotations[span.item.index].coder)
        }
        for coder in groups {
            out.start("spanGrp")
            out.attribute("type", "coding")
            out.attribute("resp", "#" + coderID(coder))
            for span in spans where annotations[span.item.index].coder == coder {
                out.start("span")
                out.attribute("from", "#" + span.from)
                out.attribute("to", "#" + span.to)
                out.attribute("ana", ana[span.item.index])
                out.end()
            }
            out.end()
        }
        out.end()
    }

    private func anchor(_ id: String, out: inout XMLOutput) {
        out.start("anchor")
        out.attribute("xml:id", id)
        out.end()
    }

    /// A transcriber's note as the TEI element its kind calls for; one that must hold anchors as
    /// `<note type="kind">`, which renders alike.
    private func note(_ note: Note, anchors: [(offset: Int, id: String)], out: inout XMLOutput) {
        if !anchors.isEmpty && note.kind != .comment {
            // `<desc>` cannot hold an anchor, `<note>` can, and renders the same `[text]`.
            out.start("note")
            out.attribute("type", note.kind.rawValue)
            text(note.text, anchors: anchors, out: &out)
            out.end()
            return
        }
        switch note.kind {
        case .pause:
            out.start("pause")
            out.end()
        case .vocal, .kinesic, .incident:
            out.start(note.kind.rawValue)
            out.start("desc")
            text(note.text, anchors: anchors, out: &out)
            out.end()
            out.end()
        case .inaudible:
            out.start("gap")
            out.attribute("reason", "inaudible")
            out.start("desc")
            text(note.text, anchors: anchors, out: &out)
            out.end()
            out.end()
        case .comment:
            out.start("note")
            text(note.text, anchors: anchors, out: &out)
            out.end()
        }
    }

    /// A note's text with anchors at code-point offsets into it.
    private func text(_ text: String, anchors: [(offset: Int, id: String)], out: inout XMLOutput) {
        guard !anchors.isEmpty else {
            out.text(text)
            return
        }
        let scalars = Array(TEIRendition.collapsed(text).unicodeScalars)
        var position = 0
        for (offset, id) in anchors.sorted(by: { $0.offset < $1.offset }) {
            let stop = min(max(offset, position), scalars.count)
            out.text(String(String.UnicodeScalarView(scalars[position..<stop])))
            anchor(id, out: &out)
            position = stop
        }
        out.text(String(String.UnicodeScalarView(scalars[position...])))
    }

    /// True when the note's TEI element renders back to exactly its source characters
    /// (`(pause)`, `[laughs]`). Others (`(13)`, `(2.0)`, `((laughs))`) are written as the text
    /// they are, so the segment's text and every offset in it survive the round trip; they are
    /// no longer notes when the TEI is read back (and count as words there).
    static func rendersExactly(_ note: Note, scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let rendered = note.kind == .pause ? "(pause)" : "[" + TEIRendition.collapsed(note.text) + "]"
        return Array(rendered.unicodeScalars) == Array(scalars)
    }

    /// True when a position inside the note can be kept by an anchor in its text: any note
    /// but a pause (an empty element), since the note renders exactly.
    static func holdsAnchors(_ note: Note, scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        note.kind != .pause && rendersExactly(note, scalars: scalars)
    }
}
