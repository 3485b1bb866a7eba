/// Well-formed parameters for every method of the protocol, naming the records `PrivacyWorld.seedCommon` made.
///
/// `PrivacyPropertyTests` takes the methods from the generated catalog (the IDL); a method missing here fails it.
enum PrivacyCalls {
    static let parameters: [String: [String]] = [
        "org.riskd.daemon.Whoami": ["{}"],
        "org.riskd.daemon.Status": ["{}"],
        "org.riskd.daemon.Backup": ["{}"],
        "org.riskd.risk.Get": [#"{"id":1}"#],
        "org.riskd.risk.List": ["{}"],
        "org.riskd.risk.Matrix": ["{}"],
        "org.riskd.risk.History": [#"{"id":1}"#],
        "org.riskd.risk.Appetites": ["{}"],
        "org.riskd.risk.SetAppetite": [#"{"category":"compliance","maxScore":12}"#],
        "org.riskd.risk.Add": [#"{"title":"Added","category":"governance","likelihood":2,"impact":2}"#],
        "org.riskd.risk.Update": [#"{"id":1,"title":"Retitled"}"#],
        "org.riskd.risk.Accept": [#"{"id":1,"until":"2027-03-01","note":"Accepted"}"#],
        "org.riskd.risk.Close": [#"{"id":2,"reason":"retired"}"#],
        "org.riskd.risk.Reopen": [#"{"id":2,"note":"Reopened"}"#],
        "org.riskd.risk.AddAction": [
            #"{"riskId":1,"description":"One more step","owner":"pt-board","dueOn":"2027-01-10"}"#
        ],
        "org.riskd.risk.Import": [
            #"{"risks":[{"title":"Imported","category":"governance","likelihood":2,"impact":2}]}"#
        ],
        "org.riskd.risk.Review": [#"{"id":1,"note":"Reviewed"}"#],
        "org.riskd.risk.UpdateAction": [#"{"id":1,"dueOn":"2027-01-20","note":"Moved"}"#],
        "org.riskd.organisation.Get": [#"{"id":1}"#],
        "org.riskd.organisation.List": ["{}"],
        "org.riskd.organisation.Add": [#"{"name":"Erasmus National Agency","kind":"government"}"#],
        "org.riskd.organisation.Update": [#"{"id":1,"note":"Updated"}"#],
        "org.riskd.organisation.Import": [#"{"organisations":[{"name":"Youth Forum","kind":"network"}]}"#],
        "org.riskd.interest.Declare": [
            #"{"kind":"gift","organisation":"Western Balkan Fund","description":"A pen","startedOn":"2026-11-01"}"#
        ],
        "org.riskd.interest.Confirm": [#"{"nothingToDeclare":false}"#],
        "org.riskd.interest.Statement": ["{}"],
        "org.riskd.interest.Update": [#"{"id":2,"description":"Corrected"}"#],
        "org.riskd.interest.End": [#"{"id":2,"endedOn":"2026-11-28"}"#],
        "org.riskd.interest.Get": [#"{"id":1}"#, #"{"id":2}"#],
        "org.riskd.interest.List": ["{}", #"{"organisation":"Western Balkan Fund"}"#],
        "org.riskd.interest.Checks": ["{}"],
        "org.riskd.interest.Manage": [#"{"id":2,"plan":"Leaves the room"}"#],
        "org.riskd.interest.Import": [
            #"{"interests":[{"declarant":"pt-board","kind":"gift","organisation":"Eurodesk","#
                + #""description":"A mug","startedOn":"2026-11-02"}]}"#
        ],
        "org.riskd.interest.Check": [#"{"organisations":["Western Balkan Fund"],"matter":"Grant round 4"}"#],
        "org.riskd.interest.Erase": [#"{"id":1,"reason":"The member asked for it"}"#],
        "org.riskd.interest.Register": ["{}"],
        "org.riskd.concern.Raise": [#"{"kind":"other","text":"Raised in the test"}"#],
        "org.riskd.concern.Get": [#"{"id":1}"#],
        "org.riskd.concern.List": ["{}", #"{"status":"open"}"#],
        "org.riskd.concern.Close": [#"{"id":2,"status":"not_upheld","outcome":"Looked into"}"#],
        "org.riskd.ethics.Current": ["{}"],
        "org.riskd.ethics.Get": [#"{"version":1}"#],
        "org.riskd.ethics.Versions": ["{}"],
        "org.riskd.ethics.Status": ["{}"],
        "org.riskd.ethics.Statement": ["{}"],
        "org.riskd.ethics.Acknowledge": [#"{"version":1,"sha256":"\#(String(repeating: "0", count: 64))"}"#],
        "org.riskd.ethics.Publish": [#"{"title":"Code","body":"Declare what you hold. Revised."}"#],
        "org.riskd.member.List": ["{}"],
        "org.riskd.member.Get": [#"{"user":"pt-other"}"#, #"{"user":"pt-chair"}"#],
        "org.riskd.member.Export": ["{}", #"{"user":"pt-other"}"#],
        "org.riskd.member.AddKey": [
            #"{"publicKey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAtYlKcxazSTGkxWptkiFIPPiZfmTuR4ydhMnkXbA4R5"}"#,
            #"{"user":"pt-other","publicKey":"ssh-ed25519 "#
                + #"AAAAC3NzaC1lZDI1NTE5AAAAIJczu2fBbUrwCSMB08gn//1cwiqSjxr/H6HBgSaqDzE6"}"#,
        ],
        "org.riskd.member.Keys": ["{}", #"{"user":"pt-other"}"#],
        "org.riskd.member.RemoveKey": [#"{"fingerprint":"SHA256:it9STuAi6hqX/nBSixDE5iqo+j0vmmof0UfEiKau/8c"}"#],
        "org.riskd.member.SetContact": [#"{"email":"me@example.org"}"#],
        "org.riskd.member.SetName": [#"{"user":"pt-board","name":"Pat Board"}"#, #"{"user":"pt-other","name":"O"}"#],
        "org.riskd.review.Run": [#"{"findings":true}"#],
        "org.riskd.review.Preview": [#"{"asOf":"2027-01-01T00:00:00Z"}"#],
        "org.riskd.review.Findings": ["{}"],
        "org.riskd.review.Acknowledge": [#"{"id":1,"note":"Seen"}"#],
        "org.riskd.review.Runs": ["{}"],
        "org.riskd.review.Watch": ["{}"],
        "org.riskd.audit.Log": [#"{"limit":1000}"#],
        "org.riskd.audit.Verify": ["{}"],
        "org.riskd.audit.Attestations": ["{}", #"{"user":"pt-other"}"#],
        "org.riskd.meeting.Create": [#"{"title":"Extra meeting","date":"2027-01-15"}"#],
        "org.riskd.meeting.AddItem": [#"{"meetingId":1,"title":"Any other business","organisations":[]}"#],
        "org.riskd.meeting.Publish": [#"{"id":2}"#],
        "org.riskd.meeting.Get": [#"{"id":1}"#],
        "org.riskd.meeting.List": ["{}"],
        "org.riskd.meeting.Minutes": [#"{"id":1}"#],
        "org.riskd.meeting.DeclareAtMeeting": [
            #"{"itemId":1,"kind":"gift","organisation":"Eurodesk","description":"A pen at the meeting"}"#
        ],
        "org.riskd.meeting.Record": [#"{"recusalId":1,"action":"left_room","quorate":true}"#],
        "org.riskd.meeting.Close": [#"{"id":1}"#],
        "org.riskd.meeting.Cancel": [#"{"id":2,"reason":"Postponed"}"#],
        "org.riskd.report.Board": ["{}", #"{"meetingId":1}"#],
        "org.riskd.mail.Status": ["{}"],
        "org.riskd.mail.Test": [#"{"address":"root@localhost"}"#],
        "org.riskd.mail.Claim": ["{}"],
        "org.riskd.mail.Report": [#"{"id":1,"outcome":"sent"}"#],
        "org.riskd.mail.Retry": [#"{"id":1}"#],
        "org.riskd.mail.Bounced": [#"{"messageId":"riskd.test.2026-11-29.0@localhost","reason":"5.1.1 unknown user"}"#],
    ]

    /// Calls naming the ids the secrets take where they exist (interest 3, or 2 for a caller with no declaration of
    /// their own; concern 3), made before any other call creates a record that could take those ids: naming a
    /// secret must read as naming nothing.
    static let probes: [(String, String)] =
        [2, 3].flatMap { id in
            [
                ("org.riskd.interest.Get", #"{"id":\#(id)}"#),
                ("org.riskd.interest.Update", #"{"id":\#(id),"description":"Probe"}"#),
                ("org.riskd.interest.End", #"{"id":\#(id),"endedOn":"2026-11-28"}"#),
                ("org.riskd.interest.Manage", #"{"id":\#(id),"plan":"Probe"}"#),
            ]
        } + [
            ("org.riskd.concern.Get", #"{"id":3}"#),
            ("org.riskd.concern.Close", #"{"id":3,"status":"withdrawn","outcome":"Probe"}"#),
            ("org.riskd.audit.Log", #"{"subject":"concern:3"}"#),
            ("org.riskd.review.Findings", #"{"subject":"concern:3"}"#),
            ("org.riskd.audit.Log", #"{"subject":"interest:3"}"#),
            ("org.riskd.review.Findings", #"{"subject":"interest:3"}"#),
        ]
}
