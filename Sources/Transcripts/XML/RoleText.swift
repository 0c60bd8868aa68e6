/// Reads the role a participant is given in XML (`worker`, `social worker`, TEI's camel-cased
/// `socialWorker`, a list such as `mother carer`) as a `Role`.
enum RoleText {
    /// The role `text` names, or nil when no reading of it is known.
    static func role(_ text: String) -> Role? {
        let trimmed = InlineText.collapsed(text)
        guard !trimmed.isEmpty else { return nil }
        let spaced = decamelised(trimmed)
        for candidate in [trimmed, spaced] {
            if let role = Role(describing: candidate) { return role }
        }
        for token in spaced.split(separator: " ") {
            if let role = Role(describing: String(token)) { return role }
        }
        return nil
    }

    /// `socialWorker` → `social worker`, `health_visitor` → `health visitor`.
    static func decamelised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousLower = false
        for scalar in text.unicodeScalars {
            if scalar == "_" || scalar == "-" {
                out.append(" ")
                previousLower = false
                continue
            }
            if scalar.properties.isUppercase && previousLower { out.append(" ") }
            previousLower = scalar.properties.isLowercase
            out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(out)
    }

    /// The participant for `label` declared with `roleText`: a named role, else the role the
    /// label implies by convention (`SW`, `Mum`), else `.unknown`; with a warning message when
    /// a role was written but not understood.
    static func participant(label: String, roleText: String?, name: String?) -> (Participant, warning: String?) {
        var warning: String?
        var role: Role?
        if let roleText, !roleText.isEmpty {
            role = self.role(roleText)
            if role == nil {
                warning = "participant '\(label)' has no known role ('\(roleText)'); using '\(Role(defaultForLabel: label)?.rawValue ?? "unknown")'"
            }
        }
        let resolved = role ?? Role(defaultForLabel: label) ?? .unknown
        let cleanName = name.map(InlineText.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        return (Participant(label: label, role: resolved, name: cleanName), warning)
    }
}
