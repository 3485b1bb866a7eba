import RiskCore
import RiskStore

extension Configuration {
    /// What this configuration decides about how documents read.
    var documentSettings: DocumentSettings {
        DocumentSettings(
            organisation: organisationName,
            template: report.template.text,
            policy: reviewPolicy,
            retainEndedDays: interests.retainEndedDays
        )
    }
}

extension DaemonContext {
    /// The settings a document made at `now` for `asOf` reads: for a past time, those riskd had read by then (the
    /// first it recorded, for a time before that); for now or later, the configuration in force.
    func documentSettings(asOf: Instant, now: Instant) async throws -> DocumentSettings {
        let current = configuration.documentSettings
        guard asOf < now else { return current }
        return try await database.documentSettings(asOf: asOf) ?? current
    }

    /// The board pack's template of `settings`: the one loaded with the configuration when it is the same text, else
    /// the recorded text parsed again (riskd's own when the settings name none).
    func packTemplate(_ settings: DocumentSettings) -> BoardPackTemplate {
        let loaded = configuration.report.template
        guard settings.template != loaded.text else { return loaded }
        guard let text = settings.template else { return .builtIn }
        do {
            return try BoardPackTemplate(text: text, path: nil)
        } catch {
            // It parsed when riskd read it, so only another Mustache parser could refuse it now.
            logger.error("A recorded board pack template no longer parses, riskd's own is used: \(error.reason)")
            return .builtIn
        }
    }

    /// Records the document settings of the configuration in force, when they differ from the last recorded (a
    /// reload); a failure is logged, and documents for times from now on then read the last settings recorded.
    func recordDocumentSettings() async {
        do {
            let now = clock.now()
            let changed = try await database.recordDocumentSettings(
                configuration.documentSettings,
                actor: .daemon(now: now, today: clock.localDate(now))
            )
            log(changed)
        } catch {
            logger.error("Cannot record the configuration documents read: \(error)")
        }
    }

    /// `recordDocumentSettings`, blocking: at start, outside any call.
    func recordDocumentSettingsAtStart() {
        do {
            let now = clock.now()
            let changed = try database.recordDocumentSettingsBlocking(
                configuration.documentSettings,
                actor: .daemon(now: now, today: clock.localDate(now))
            )
            log(changed)
        } catch {
            logger.error("Cannot record the configuration documents read: \(error)")
        }
    }

    private func log(_ changed: [String]?) {
        guard let changed, !changed.isEmpty else { return }
        logger.notice(
            "Configuration changed: \(changed.joined(separator: ", ")); documents for earlier times keep the former"
        )
    }
}
