import Foundation
import Mustache
import RiskCore

/// The Mustache template the board pack is rendered with: riskd's own (`board-pack.mustache`, built in), or the
/// file `report.template` names, read and parsed when the configuration is loaded so that a broken template stops
/// a start or a reload with its line and column instead of failing a call later.
///
/// Mustache escapes every `{{value}}` for HTML; the context holds data only (no HTML), so a template that keeps
/// to double braces cannot let a risk title or an organisation's name become markup.
public struct BoardPackTemplate: Sendable {
    /// The file it was read from; `nil` for the built-in template.
    public let path: String?
    /// The template's text, as riskd records it for documents made later for a past time; `nil` for the built-in
    /// one, which belongs to the riskd that renders.
    public let text: String?
    let template: MustacheTemplate

    /// riskd's own template.
    public static let builtIn: BoardPackTemplate = {
        let text = String(decoding: PackageResources.board_pack_mustache, as: UTF8.self)
        do {
            return BoardPackTemplate(path: nil, text: nil, template: try MustacheTemplate(string: text))
        } catch {
            // Built into the binary and parsed by a test (BoardPackRenderTests): it cannot fail at run time.
            fatalError("the built-in board pack template does not parse: \(error)")
        }
    }()

    private init(path: String?, text: String?, template: MustacheTemplate) {
        self.path = path
        self.text = text
        self.template = template
    }

    /// Parses `text`; the error says where the template is broken.
    public init(text: String, path: String?) throws(Failure) {
        do {
            self.init(path: path, text: text, template: try MustacheTemplate(string: text))
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            throw Failure(
                reason: "line \(context.lineNumber), column \(context.columnNumber): \(Self.describe(error.error))"
            )
        } catch {
            throw Failure(reason: Self.describe(error))
        }
    }

    /// Reads and parses the template file at `path`.
    public static func load(path: String) throws(Failure) -> BoardPackTemplate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(reason: "cannot read \(path): \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(reason: "\(path) is not UTF-8 text")
        }
        do {
            return try BoardPackTemplate(text: text, path: path)
        } catch {
            throw Failure(reason: "\(path) is not a valid Mustache template: \(error.reason)")
        }
    }

    /// The pack as HTML.
    public func render(_ pack: BoardPack) -> String {
        template.render(BoardPackContext.context(of: pack))
    }

    /// Why a template cannot be used, as a sentence for the configuration error.
    public struct Failure: Error, Sendable {
        public var reason: String
    }

    private static func describe(_ error: any Error) -> String {
        switch "\(error)" {
        case "unfinishedName": "a tag is not closed"
        case "sectionCloseNameIncorrect": "a section is closed with another name than it was opened with"
        case "expectedSectionEnd": "a section is never closed"
        case "unmatchedSetDelimiter", "invalidSetDelimiter": "a set-delimiter tag is malformed"
        case let other: other
        }
    }
}
