extension Recusal.Action {
    /// What the member did, in words for people (`left_room` reads "left the room"): documents never print the
    /// protocol's identifier.
    public var words: String {
        switch self {
        case .leftRoom: "left the room"
        case .stayedNoVote: "stayed but did not vote"
        case .stayedTookPart: "stayed and took part"
        case .absent: "absent"
        case .notAConflict: "not a conflict"
        }
    }
}

extension Recusal.Match {
    /// How the interest came to the item, in words for people (`declared_at_meeting` reads "declared at the
    /// meeting").
    public var words: String {
        switch self {
        case .exact: "the name matches"
        case .alias: "matches an alias"
        case .possible: "a possible match"
        case .declaredAtMeeting: "declared at the meeting"
        }
    }
}
