/// The error body of the R-Service REST API: `{"message": ...}`, with `errors` on 422 and sometimes
/// `documentation_url`.
public struct RServiceErrorResponse: Codable, Sendable, Equatable {
    /// The error message, e.g. `Validation Failed`.
    public var message: String
    /// The validation errors of a 422 response, sent as `[field, message]` pairs.
    public var errors: [RServiceFieldError]?
    /// A link to the documentation of the error (`documentation_url`).
    public var documentationURL: String?

    /// Creates an error body.
    public init(message: String, errors: [RServiceFieldError]? = nil, documentationURL: String? = nil) {
        self.message = message
        self.errors = errors
        self.documentationURL = documentationURL
    }

    enum CodingKeys: String, CodingKey {
        case message
        case errors
        case documentationURL = "documentation_url"
    }
}

/// One validation error: a `["field", "message"]` pair on the wire, e.g. `["subject","Subject can't be blank"]`.
public struct RServiceFieldError: Codable, Sendable, Equatable {
    /// The field's name, e.g. `subject`.
    public var field: String
    /// The message, e.g. `Subject can't be blank`.
    public var message: String

    /// Creates a field error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// Decodes a two-element array `[field, message]`; further elements are ignored.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        field = try container.decode(String.self)
        message = try container.decode(String.self)
    }

    /// Encodes the pair back to a two-element array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(field)
        try container.encode(message)
    }
}
