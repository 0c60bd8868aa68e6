/// What a TEI `<teiHeader>` says about the encounters in its text: title, case id, people with
/// their roles, and settings (place, date, activity).
struct TEIHeader {
    /// A `<person>` or `<personGrp>` of `particDesc`.
    struct Person {
        var id: String
        var roleText: String?
        var name: String?
        var line: Int
    }

    /// A `<setting>` of `settingDesc`.
    struct Setting {
        var id: String?
        var name: String?
        var locale: String?
        var date: String?
        var activity: String?
        /// Ids of the people `@who` says take part, `#` removed.
        var who: [String]
    }

    var title: String?
    var caseID: String?
    var encounterID: String?
    /// The recording or creation date, used when the setting gives none.
    var date: String?
    /// People declared in this header (or, for a TEI in a corpus that declares none, the corpus's).
    var persons: [Person] = []
    /// People that `who` may point to: these and the enclosing corpus's.
    var knownPersons: [Person] = []
    var settings: [Setting] = []

    init() {}

    init(_ header: XMLTree.Element?, namespace ns: String?) {
        guard let header else { return }
        let fileDesc = header.child("fileDesc", in: ns)
        title = fileDesc?.child("titleStmt", in: ns)?.child("title", in: ns)?.nonEmptyText()
        for idno in header.descendants("idno", in: ns) {
            switch idno["type"]?.lowercased() {
            case "case": caseID = caseID ?? idno.nonEmptyText()
            case "encounter": encounterID = encounterID ?? idno.nonEmptyText()
            default: break
            }
        }
        let profile = header.child("profileDesc", in: ns)
        date = (profile?.child("creation", in: ns)?.firstDescendant("date", in: ns)
            ?? fileDesc?.child("sourceDesc", in: ns)?.firstDescendant("date", in: ns)).flatMap(Self.date)
        if let particDesc = profile?.child("particDesc", in: ns) {
            Self.collectPersons(particDesc, ns, into: &persons)
        }
        knownPersons = persons
        if let settingDesc = profile?.child("settingDesc", in: ns) {
            settings = settingDesc.descendants("setting", in: ns).map { Self.setting($0, ns) }
        }
    }

    /// This header with the enclosing corpus header's values filling what it leaves out.
    func merged(over parent: TEIHeader?) -> TEIHeader {
        guard let parent else { return self }
        var merged = self
        merged.title = title ?? parent.title
        merged.caseID = caseID ?? parent.caseID
        merged.date = date ?? parent.date
        if persons.isEmpty { merged.persons = parent.persons }
        let own = Set(knownPersons.map(\.id))
        merged.knownPersons = knownPersons + parent.knownPersons.filter { !own.contains($0.id) }
        merged.settings = settings + parent.settings
        return merged
    }

    /// The setting for the whole text: the first without an id, or the only one.
    var defaultSetting: Setting? {
        settings.first { $0.id == nil } ?? (settings.count == 1 ? settings.first : nil)
    }

    /// The setting a division points to with `@decls` or `@corresp` (`#set-2`), if any.
    func setting(referencedBy references: String?) -> Setting? {
        guard let references else { return nil }
        for token in references.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let id = TEIHeader.localID(String(token))
            if let found = settings.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// `#sw1` → `sw1`, `people.xml#sw1` → `sw1`.
    static func localID(_ pointer: String) -> String {
        guard let hash = pointer.lastIndex(of: "#") else { return pointer }
        return String(pointer[pointer.index(after: hash)...])
    }

    /// ISO date from `@when` (date part only), else the element's text read by `DateText`.
    static func date(_ element: XMLTree.Element) -> String? {
        for key in ["when", "when-iso", "from", "notBefore"] {
            if let when = element[key].map(InlineText.collapsed), !when.isEmpty {
                return String(when.split(separator: "T").first ?? Substring(when))
            }
        }
        guard let text = element.nonEmptyText() else { return nil }
        return DateText.iso(text) ?? text
    }

    private static func collectPersons(_ element: XMLTree.Element, _ ns: String?, into persons: inout [Person]) {
        for e in element.elements where e.namespace == ns {
            if e.name == "person" || e.name == "personGrp" {
                let name = (e.child("persName", in: ns) ?? e.child("name", in: ns))?.nonEmptyText(spaced: true)
                guard let id = e.xmlID ?? e["n"] ?? name else { continue }
                let roleText = e["role"] ?? e.firstDescendant("roleName", in: ns)?.nonEmptyText()
                persons.append(Person(id: id, roleText: roleText, name: name, line: e.line))
            } else {
                collectPersons(e, ns, into: &persons)
            }
        }
    }

    private static func setting(_ element: XMLTree.Element, _ ns: String?) -> Setting {
        let locale = element.child("locale", in: ns)?.nonEmptyText()
        let name = (element.child("name", in: ns) ?? element.child("placeName", in: ns))?.nonEmptyText(spaced: true)
            ?? locale ?? element.child("p", in: ns)?.nonEmptyText()
        let who = (element["who"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .map { localID(String($0)) }
        return Setting(id: element.xmlID, name: name, locale: locale,
                       date: element.firstDescendant("date", in: ns).flatMap(date),
                       activity: element.child("activity", in: ns)?.nonEmptyText(), who: who)
    }
}
