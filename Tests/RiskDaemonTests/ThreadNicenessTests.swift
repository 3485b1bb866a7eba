import RiskSystemd
import Testing

@Suite("libdispatch's log where threads cannot have the nice value it asks for")
struct ThreadNicenessTests {
    /// (current LIBDISPATCH_LOG, soft RLIMIT_NICE, CapEff, what riskd sets).
    static let cases: [(String?, UInt64, UInt64, String?)] = [
        (nil, 0, 0, "NO"),  // an unprivileged user, or a container's service manager that could not raise it
        (nil, 20, 0, "NO"),  // nice 0 at best
        (nil, 23, 0, "NO"),  // -3: one short
        (nil, 24, 0, nil),  // LimitNICE=-4 applied
        (nil, 40, 0, nil),
        (nil, 0, 1 << 23, nil),  // CAP_SYS_NICE (root, most of the time)
        (nil, 0, 0x1ff_ffff_ffff & ~(1 << 23), "NO"),  // every capability but CAP_SYS_NICE
        ("stderr", 0, 0, nil),  // the administrator's choice stays
        ("YES", 0, 0, nil),
    ]

    @Test("LIBDISPATCH_LOG=NO only where nice -4 is out of reach and nobody chose otherwise", arguments: cases)
    func decision(current: String?, limit: UInt64, effective: UInt64, expected: String?) {
        #expect(ThreadNiceness.dispatchLog(current: current, niceLimit: limit, effective: effective) == expected)
    }
}
