/// Comma-separated values as RFC 4180 writes them: quoted fields, doubled quotes, commas and line breaks inside
/// quotes, CRLF or LF line ends; a UTF-8 byte order mark at the start is skipped.
enum CSV {
    /// Why a text is not CSV.
    struct ParseError: Error, Equatable {
        /// The record (1 for the first, the header) where the problem is.
        var record: Int
        /// The field (0 for the first) where the problem is.
        var field: Int
        /// What is wrong, for a person.
        var reason: String
        /// The first record, when the problem lies past it, so that the field can be named by its column.
        var header: [String]?
    }

    /// The records of `text`, each a list of fields, blank lines included as one empty field.
    ///
    /// A quote inside an unquoted field is kept as text, as spreadsheets do; text after a closing quote is an error.
    /// - Throws: `ParseError` for an unterminated quoted field or text after a closing quote.
    static func parse(_ text: String) throws(ParseError) -> [[String]] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        var records = [[String]]()
        var fields = [String]()
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var closedQuote = false
        var atFieldStart = true
        var recordHasContent = false
        var quoteOpenedIn = (record: 0, field: 0)

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            closedQuote = false
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(fields)
            fields = []
            recordHasContent = false
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let following = next < scalars.endIndex ? scalars[next] : nil
            if inQuotes {
                if scalar == "\"" {
                    if following == "\"" {
                        field.append("\"")
                        index = scalars.index(after: next)
                        continue
                    }
                    inQuotes = false
                    closedQuote = true
                } else {
                    field.append(scalar)
                }
            } else {
                switch scalar {
                case ",":
                    recordHasContent = true
                    endField()
                case "\r", "\n":
                    endRecord()
                    if scalar == "\r", following == "\n" {
                        index = scalars.index(after: next)
                        continue
                    }
                case "\"" where atFieldStart:
                    inQuotes = true
                    atFieldStart = false
                    recordHasContent = true
                    quoteOpenedIn = (records.count + 1, fields.count)
                default:
                    if closedQuote {
                        throw ParseError(
                            record: records.count + 1,
                            field: fields.count,
                            reason: "text after the closing quote; a quote inside a field is written \"\"",
                            header: records.first
                        )
                    }
                    field.append(scalar)
                    atFieldStart = false
                    recordHasContent = true
                }
            }
            index = next
        }
        if inQuotes {
            throw ParseError(
                record: quoteOpenedIn.record,
                field: quoteOpenedIn.field,
                reason: "a quoted field is never closed",
                header: quoteOpenedIn.record > 1 ? records.first : nil
            )
        }
        if recordHasContent {
            endRecord()
        }
        return records
    }

    /// One record as a line of CSV, without its line end; fields are quoted only when they must be.
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    /// A field quoted when it holds a comma, a quote, a line break, or white space at either end.
    static func quote(_ field: String) -> String {
        let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        let padded = field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard special || padded else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`, without Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
