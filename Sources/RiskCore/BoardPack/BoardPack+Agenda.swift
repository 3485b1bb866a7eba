extension BoardPack {
    /// A meeting's agenda with the recusals of its items, as the pack prints it.
    ///
    /// A plain value so that the pack does not depend on how meetings are stored: whoever reads a meeting builds
    /// one (withholding what the viewer may not read first, see `withheld(for:)`) and hands it to `build`.
    public struct Agenda: Sendable, Hashable {
        public var meetingId: Int
        public var title: String
        public var date: CalendarDate
        public var items: [Item]

        public init(meetingId: Int, title: String, date: CalendarDate, items: [Item]) {
            self.meetingId = meetingId
            self.title = title
            self.date = date
            self.items = items
        }

        /// One agenda item and who steps out of it.
        public struct Item: Sendable, Hashable {
            /// Its number on the agenda, from 1.
            public var number: Int
            public var title: String
            /// The organisations the decision concerns.
            public var organisations: [String]
            public var recusals: [Recusal]

            public init(number: Int, title: String, organisations: [String], recusals: [Recusal]) {
                self.number = number
                self.title = title
                self.organisations = organisations
                self.recusals = recusals
            }
        }

        /// A conflicted member's recusal from an item.
        public struct Recusal: Sendable, Hashable {
            public var declarant: String
            /// The interest's kind, or "withheld".
            public var kind: String
            /// The organisation of the interest; empty when withheld.
            public var organisation: String
            /// How the interest matched.
            public var match: RiskCore.Recusal.Match
            public var declaredInAdvance: Bool
            /// What the member did; nil until recorded.
            public var action: RiskCore.Recusal.Action?
            /// Whether the interest is sensitive (decides withholding).
            public var sensitive: Bool

            public init(
                declarant: String,
                kind: String,
                organisation: String,
                match: RiskCore.Recusal.Match,
                declaredInAdvance: Bool,
                action: RiskCore.Recusal.Action?,
                sensitive: Bool
            ) {
                self.declarant = declarant
                self.kind = kind
                self.organisation = organisation
                self.match = match
                self.declaredInAdvance = declaredInAdvance
                self.action = action
                self.sensitive = sensitive
            }
        }

        /// The agenda as `viewer` may read it: another member's sensitive recusal keeps its declarant, match and
        /// action, with kind "withheld" and no organisation.
        public func withheld(for viewer: InterestViewer) -> Agenda {
            var agenda = self
            for index in agenda.items.indices {
                agenda.items[index].recusals = agenda.items[index].recusals.map { recusal in
                    guard recusal.sensitive, !viewer.maySeeSensitive(of: recusal.declarant) else { return recusal }
                    var hidden = recusal
                    hidden.kind = "withheld"
                    hidden.organisation = ""
                    return hidden
                }
            }
            return agenda
        }
    }
}

extension InterestViewer {
    /// Whether the viewer may read the sensitive entries of `declarant`: register keepers always, a member their own.
    public func maySeeSensitive(of declarant: String) -> Bool {
        maySee(declarant: declarant, sensitive: true)
    }
}
